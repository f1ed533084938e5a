import Foundation
import OrderDomain
import Testing

@testable import OrderServer

/// Issue 14: a page token is the same bytes for the same position in every process, so that a
/// restarted or migrated server answers a list exactly as before.
@Suite("Page tokens")
struct PageTokenTests {
  @Test("a token's JSON has its keys sorted, and it decodes to the position it was made from")
  func deterministic() throws {
    let token = PageToken(
      list: "ListOrders", fingerprint: "abc", position: PagePosition([.text("2027-01-01 00:00:00.000"), .integer(7)]))
    var base64 = token.encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    let json = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
    #expect(json == #"{"f":"abc","k":["t:2027-01-01 00:00:00.000","i:7"],"l":"ListOrders","v":1}"#)
    #expect(PageToken(encoded: token.encoded) == token)
  }
}
