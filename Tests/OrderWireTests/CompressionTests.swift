import NIOCore
import OrderWire
import Testing

@Suite("Message compression", .timeLimit(.minutes(5)))
struct CompressionTests {
  @Test("a message survives compression and decompression")
  func roundTrip() throws {
    let message = ByteBuffer(string: String(repeating: "order ", count: 1000))
    let compressed = try MessageCompression.compress(message)
    #expect(compressed.readableBytes < message.readableBytes)
    #expect(try MessageCompression.decompress(compressed, maxSize: 6000) == message)
  }

  @Test("a zip bomb is stopped at the limit instead of being inflated")
  func bomb() throws {
    let bomb = try MessageCompression.compress(ByteBuffer(repeating: 0, count: 8 << 20))
    #expect(bomb.readableBytes < 16 * 1024)
    #expect(throws: MessageCompression.TooLarge.self) {
      _ = try MessageCompression.decompress(bomb, maxSize: 1 << 20)
    }
  }

  @Test("a message of exactly the limit is accepted")
  func exactlyAtLimit() throws {
    let compressed = try MessageCompression.compress(ByteBuffer(repeating: 1, count: 4096))
    #expect(try MessageCompression.decompress(compressed, maxSize: 4096).readableBytes == 4096)
  }

  @Test("a zlib stream must end with the Adler-32 of its output (RFC 1950)")
  func adlerChecked() throws {
    let message = ByteBuffer(string: String(repeating: "two lines of an order ", count: 40))
    let compressed = try MessageCompression.compress(message)
    // Without its 4-byte trailer.
    #expect(throws: MessageCompression.Corrupt.self) {
      _ = try MessageCompression.decompress(
        compressed.getSlice(at: 0, length: compressed.readableBytes - 4)!, maxSize: 1 << 20)
    }
    // With a wrong trailer.
    var wrong = compressed
    wrong.setInteger(wrong.getInteger(at: wrong.writerIndex - 4, as: UInt32.self)! ^ 1, at: wrong.writerIndex - 4)
    #expect(throws: MessageCompression.Corrupt.self) { _ = try MessageCompression.decompress(wrong, maxSize: 1 << 20) }
    // Cut after a sync flush (Python: compressobj().compress(d) + flush(Z_SYNC_FLUSH)).
    let synced = ByteBuffer(bytes: Self.bytes(hex: "789cca48cdc9c957c8c020f38b52528b52b0488c4a8f4a93290d000000ffff"))
    #expect(throws: MessageCompression.Corrupt.self) { _ = try MessageCompression.decompress(synced, maxSize: 1 << 20) }
    // The same data, finished properly, is accepted.
    let whole = ByteBuffer(bytes: Self.bytes(hex: "789ccb48cdc9c957c8c020f38b52528b52b0488c4a8f4a93290d00bf93e4c1"))
    let expected = String(repeating: "hello hello hello hello orderd ", count: 20)
    #expect(try MessageCompression.decompress(whole, maxSize: 1 << 20) == ByteBuffer(string: expected))
  }

  static func bytes(hex: String) -> [UInt8] {
    stride(from: 0, to: hex.count, by: 2).map { offset in
      let start = hex.index(hex.startIndex, offsetBy: offset)
      return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
  }

  @Test("corrupt data is reported as corrupt")
  func corrupt() {
    #expect(throws: MessageCompression.Corrupt.self) {
      _ = try MessageCompression.decompress(ByteBuffer(bytes: [1, 2, 3, 4, 5]), maxSize: 100)
    }
  }
}
