import Foundation
import OrderDomain

/// The opaque `page_token` / `next_page_token` of the list calls (issue 12): base64url
/// (no padding) of a small versioned JSON value holding the listing's name, a fingerprint of
/// the request's filters and the keyset position (the sort keys of the previous page's last
/// item). Clients pass it back unchanged; its content may change between versions.
struct PageToken: Codable, Equatable {
  static let currentVersion = 1

  /// The format's version.
  var v: Int
  /// The listing it continues (`ListOrders`, ...).
  var l: String
  /// ``ListPaging/fingerprint``: the filters of the request that returned it.
  var f: String
  /// The position: each sort key as `n` (null), `i:<integer>`, `r:<double bits, hex>` or
  /// `t:<text>`.
  var k: [String]

  init(list: String, fingerprint: String, position: PagePosition) {
    self.v = Self.currentVersion
    self.l = list
    self.f = fingerprint
    self.k = position.keys.map(Self.encode)
  }

  /// The token as it travels: base64url without padding. Its keys are sorted, so that one
  /// position always gives the same token (without that, the key order varies from process
  /// to process, and a restarted or migrated server answers other bytes, issue 14).
  var encoded: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(self)) ?? Data()
    return json.base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }

  /// The token a client sent, or `nil` when it is not one this server issued.
  init?(encoded text: String) {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64), let token = try? JSONDecoder().decode(Self.self, from: data),
      token.v == Self.currentVersion
    else { return nil }
    self = token
  }

  /// The position the token holds, or `nil` when a key is malformed.
  var position: PagePosition? {
    let keys = self.k.compactMap(Self.decode)
    return keys.count == self.k.count ? PagePosition(keys) : nil
  }

  static func encode(_ key: PageKey) -> String {
    switch key {
    case .null: "n"
    case .integer(let integer): "i:\(integer)"
    case .real(let real): "r:" + String(real.bitPattern, radix: 16)
    case .text(let text): "t:" + text
    }
  }

  static func decode(_ text: String) -> PageKey? {
    if text == "n" { return .null }
    let (kind, value) = (text.prefix(2), String(text.dropFirst(2)))
    switch kind {
    case "i:": return Int64(value).map(PageKey.integer)
    case "r:": return UInt64(value, radix: 16).map { .real(Double(bitPattern: $0)) }
    case "t:": return .text(value)
    default: return nil
    }
  }
}
