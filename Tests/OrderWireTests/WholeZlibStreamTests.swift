import NIOCore
import OrderWire
import Testing

/// A COMPRESSED payload is exactly one whole zlib stream (PROTOCOL.md §4, MESSAGE); found by
/// the fuzzer (Tests/OrderFuzzTests/Regressions/zlib-stream-without-end).
@Suite("Decompression takes whole zlib streams only")
struct WholeZlibStreamTests {
  static let message = ByteBuffer(string: String(repeating: "order ", count: 200))

  static func compressed() throws -> [UInt8] {
    Array(try MessageCompression.compress(Self.message).readableBytesView)
  }

  static func decompress(_ bytes: [UInt8], maxSize: Int = 4096) throws -> ByteBuffer {
    try MessageCompression.decompress(ByteBuffer(bytes: bytes), maxSize: maxSize)
  }

  @Test("every truncation of a stream is corrupt, never a shorter message")
  func truncated() throws {
    let whole = try Self.compressed()
    #expect(try Self.decompress(whole) == Self.message)
    for length in 0..<whole.count {
      #expect(throws: MessageCompression.Corrupt.self, "\(length) of \(whole.count) bytes") {
        _ = try Self.decompress(Array(whole.prefix(length)))
      }
    }
  }

  @Test("bytes after the end of the stream make it corrupt")
  func trailingBytes() throws {
    let whole = try Self.compressed()
    for extra in [[0], [0, 0, 0, 0], whole] as [[UInt8]] {
      #expect(throws: MessageCompression.Corrupt.self, "\(extra.count) extra bytes") {
        _ = try Self.decompress(whole + extra)
      }
    }
  }

  @Test("a wrong checksum, a preset dictionary or an empty payload is corrupt")
  func otherCorruptions() throws {
    var wrongChecksum = try Self.compressed()
    wrongChecksum[wrongChecksum.count - 1] ^= 0xFF
    // 0x78 0xBB: a valid header (check bits) with FDICT set, then a dictionary id.
    let presetDictionary: [UInt8] = [0x78, 0xBB, 0, 0, 0, 1, 0x03, 0x00]
    for (name, bytes) in [("checksum", wrongChecksum), ("dictionary", presetDictionary), ("empty", [])] {
      #expect(throws: MessageCompression.Corrupt.self, "\(name)") { _ = try Self.decompress(bytes) }
    }
  }

  @Test("the limit holds across windows: exactly the limit passes, one byte more does not")
  func limitAcrossWindows() throws {
    let size = 200_000
    let compressed = Array(try MessageCompression.compress(ByteBuffer(repeating: 7, count: size)).readableBytesView)
    #expect(try Self.decompress(compressed, maxSize: size).readableBytes == size)
    #expect(throws: MessageCompression.TooLarge.self) { _ = try Self.decompress(compressed, maxSize: size - 1) }
  }
}
