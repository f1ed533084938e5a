import NIOCore
import OrderWire
import Testing

@Suite("Message compression")
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

  @Test("corrupt data is reported as corrupt")
  func corrupt() {
    #expect(throws: MessageCompression.Corrupt.self) {
      _ = try MessageCompression.decompress(ByteBuffer(bytes: [1, 2, 3, 4, 5]), maxSize: 100)
    }
  }
}
