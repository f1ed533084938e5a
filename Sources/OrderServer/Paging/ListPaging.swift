import OrderDomain

/// The paging of one list call (issue 12, AIP-158): turns `page_size` and `page_token` into
/// a ``PageRequest`` and a page's next position into `next_page_token`. A token is bound to
/// its listing and to the request's filters; used with others it is refused.
struct ListPaging {
  /// The listing (the RPC's name).
  let list: String
  /// The request's filters, as `name=value`, in a fixed order.
  let filters: [String]

  init(_ list: String, filters: KeyValuePairs<String, String> = [:]) {
    self.list = list
    self.filters = filters.map { "\($0.key)=\($0.value)" }
  }

  /// FNV-1a (64 bits, hex) of the listing and its filters: enough to notice a token used
  /// with other filters, not a secret (visibility never depends on the token).
  var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in ([self.list] + self.filters).joined(separator: "\u{1F}").utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  /// The page a request asks for.
  ///
  /// - Throws: `invalidArgument` for a negative `page_size`, a token this server did not
  ///   issue, or a token of another listing or other filters.
  func request(size: Int32, token: String) throws -> PageRequest {
    let size = try PageRequest.size(requested: Int(size))
    guard !token.isEmpty else { return PageRequest(size: size) }
    let restart = "leave page_token empty to start from the first page"
    guard let decoded = PageToken(encoded: token), let position = decoded.position else {
      throw DomainError.invalidArgument(
        "page_token is not a token this server issued; pass the next_page_token of the previous page unchanged, or \(restart)"
      )
    }
    guard decoded.l == self.list else {
      throw DomainError.invalidArgument("page_token continues \(decoded.l), not \(self.list); \(restart)")
    }
    guard decoded.f == self.fingerprint else {
      let names = self.filters.map { String($0.prefix { $0 != "=" }) }.joined(separator: ", ")
      throw DomainError.invalidArgument(
        "page_token was issued for \(self.list) with other filters; repeat the filters of the request that returned it\(names.isEmpty ? "" : " (\(names))"), or \(restart)"
      )
    }
    return PageRequest(size: size, after: position)
  }

  /// The `next_page_token` of a page: empty on the last page.
  func token(_ next: PagePosition?) -> String {
    next.map { PageToken(list: self.list, fingerprint: self.fingerprint, position: $0).encoded } ?? ""
  }
}
