import NIOCore
import OrderWire
import Testing
import WireTesting

@Suite("Decoder robustness", .timeLimit(.minutes(5)))
struct RobustnessTests {
  @Test("random bytes after a valid preface never crash the decoder: frames or a WireError")
  func randomBytes() {
    var random = SeededRandom(seed: 42)
    for _ in 0..<2000 {
      var bytes = ByteBuffer()
      FrameEncoder.encode(.preface(Preface()), into: &bytes)
      // Mostly plausible headers (known types, small lengths) with random payloads.
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let length = UInt32.random(in: 0...40, using: &random)
        let type = UInt8.random(in: 0...7, using: &random)
        let flags = UInt8.random(in: 0...7, using: &random)
        let stream = UInt32.random(in: 0...3, using: &random)
        bytes.writeMultipleIntegers(length, type, flags, stream)
        bytes.writeBytes((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
      }
      var decoder = FrameDecoder()
      do {
        while try decoder.decodeFrame(from: &bytes) != nil {}
      } catch {
        // A WireError is the only acceptable failure (typed throws guarantees it).
        _ = error.code
      }
    }
  }

  @Test("every prefix of a valid connection decodes without error")
  func prefixes() throws {
    var bytes = ByteBuffer()
    FrameEncoder.encode(.preface(Preface()), into: &bytes)
    FrameEncoder.encode(
      .headers(streamID: 1, CallHeaders(path: "/a/b", metadata: [.binary("k-bin", [1])]), endStream: false),
      into: &bytes)
    FrameEncoder.encode(.trailers(streamID: 1, CallTrailers(code: 2, message: "m")), into: &bytes)
    for length in 0...bytes.readableBytes {
      var prefix = bytes.getSlice(at: 0, length: length) ?? ByteBuffer()
      var decoder = FrameDecoder()
      while try decoder.decodeFrame(from: &prefix) != nil {}
    }
  }
}
