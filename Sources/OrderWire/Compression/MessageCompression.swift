import CompressNIO
public import NIOCore

/// Per-message zlib compression (RFC 1950 framing). Decompression is bounded, so a small
/// "zip bomb" cannot make the receiver allocate more than `maxSize` bytes.
public enum MessageCompression {
  /// The decompressed message would be larger than the limit.
  public struct TooLarge: Error, Hashable, Sendable {
    public var limit: Int
  }

  /// The payload is not valid zlib data.
  public struct Corrupt: Error, Hashable, Sendable {}

  public static func compress(_ message: ByteBuffer) throws -> ByteBuffer {
    var input = message
    return try input.compress(with: .zlib())
  }

  /// Decompresses `message`, failing with ``TooLarge`` as soon as the output would exceed
  /// `maxSize` bytes, and with ``Corrupt`` unless the stream ends with the Adler-32 of its
  /// output (RFC 1950): a stream cut short, even at a block boundary, is refused.
  public static func decompress(_ message: ByteBuffer, maxSize: Int) throws -> ByteBuffer {
    var input = message
    do {
      // One byte of slack tells "exactly maxSize" apart from "more than maxSize".
      let output = try input.decompress(with: .zlib(), maxSize: maxSize + 1)
      guard output.readableBytes <= maxSize else { throw TooLarge(limit: maxSize) }
      guard message.readableBytes >= 6,
        let trailer = message.getInteger(at: message.writerIndex - 4, as: UInt32.self),
        trailer == Adler32.checksum(output.readableBytesView)
      else { throw Corrupt() }
      return output
    } catch let error as CompressNIOError where error == .bufferOverflow {
      throw TooLarge(limit: maxSize)
    } catch let error as CompressNIOError where error == .corruptData || error == .unfinished {
      throw Corrupt()
    }
  }
}
