import OrderClient
import Testing

@Suite("Server addresses", .timeLimit(.minutes(5)))
struct ServerAddressTests {
  @Test(
    "HOST:PORT, [IPV6]:PORT and bare hosts parse",
    arguments: [
      ("127.0.0.1:7411", "127.0.0.1", 7411),
      ("orderd.internal:9000", "orderd.internal", 9000),
      ("[::1]:7411", "::1", 7411),
      ("localhost", "localhost", 7411),
    ])
  func parses(text: String, host: String, port: Int) throws {
    let address = try #require(ServerAddress(text))
    #expect(address == ServerAddress(host: host, port: port))
  }

  @Test("Malformed addresses are refused", arguments: ["", ":7411", "host:", "host:0", "host:70000", "::1", "[::1"])
  func refuses(text: String) {
    #expect(ServerAddress(text) == nil)
  }

  @Test("An address prints as it parses")
  func roundTrip() {
    #expect(ServerAddress(host: "::1", port: 7411).description == "[::1]:7411")
    #expect(ServerAddress.localDefault.description == "127.0.0.1:7411")
  }
}
