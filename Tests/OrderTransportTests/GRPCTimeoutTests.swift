import Testing

@testable import OrderTransport

@Suite("grpc-timeout conversion", .timeLimit(.minutes(5)))
struct GRPCTimeoutTests {
  @Test(
    "grpc-timeout values convert to microseconds",
    arguments: [
      ("100m", UInt64(100_000)), ("5S", 5_000_000), ("2M", 120_000_000), ("1H", 3_600_000_000),
      ("250u", 250), ("5000n", 5), ("1n", 1),
    ])
  func parse(value: String, microseconds: UInt64) {
    #expect(GRPCTimeout.microseconds(from: value) == microseconds)
  }

  @Test("malformed values are ignored")
  func malformed() {
    #expect(GRPCTimeout.microseconds(from: "") == nil)
    #expect(GRPCTimeout.microseconds(from: "10x") == nil)
    #expect(GRPCTimeout.microseconds(from: "S") == nil)
  }

  @Test("microseconds encode in at most 8 digits, rounding up")
  func encode() {
    #expect(GRPCTimeout.encode(microseconds: 1_500_000) == "1500000u")
    #expect(GRPCTimeout.encode(microseconds: 100_000_001) == "100001m")
    #expect(GRPCTimeout.microseconds(from: GRPCTimeout.encode(microseconds: 42)) == 42)
  }
}
