/// Paging through list calls (PROTOCOL.md, "Paging"). Each `list*` call returns one page;
/// these follow `nextPageToken` for the caller.
extension OrderdClient {
  /// Every item of a list call, from `request`'s page on, fetched page by page as the
  /// sequence is iterated:
  ///
  ///     for try await order in client.items(of: request, { try await client.listOrders($0) }) { ... }
  public func items<Request: PagedListRequest, Response: PagedListResponse>(
    of request: Request, _ list: @escaping @Sendable (Request) async throws -> Response
  ) -> PagedItems<Request, Response> {
    PagedItems(first: request, list: list)
  }

  /// One response holding the pages of a list call from `request`'s on: all of them, or
  /// (with `limit`) the first `limit` items. Pages are asked for no larger than what is still
  /// wanted, so the result's `nextPageToken` continues exactly after its last item (empty when
  /// everything was listed).
  public func collectPages<Request: PagedListRequest, Response: PagedListResponse>(
    _ request: Request, limit: Int? = nil, _ list: (Request) async throws -> Response
  ) async throws -> Response {
    var request = request
    let pageSize = request.pageSize > 0 ? Int(request.pageSize) : Self.defaultPageSize
    func ask(_ remaining: Int?) {
      guard let remaining else { return }
      request.pageSize = Int32(clamping: min(pageSize, remaining))
    }
    ask(limit)
    var collected = try await list(request)
    while !collected.nextPageToken.isEmpty {
      let remaining = limit.map { $0 - collected.pageItems.count }
      if let remaining, remaining <= 0 { break }
      ask(remaining)
      request.pageToken = collected.nextPageToken
      collected.append(try await list(request))
    }
    return collected
  }

  /// The server's page size when a request names none (PROTOCOL.md).
  public static var defaultPageSize: Int { 100 }
}
