import CompressNIO
public import NIOCore

/// Per-message zlib compression (RFC 1950 framing). Decompression is bounded, so a small
/// "zip bomb" cannot make the receiver allocate more than `maxSize` bytes (plus one window).
public enum MessageCompression {
  /// The decompressed message would be larger than the limit.
  public struct TooLarge: Error, Hashable, Sendable {
    public var limit: Int
  }

  /// The payload is not one whole zlib stream: corrupt, truncated, followed by other bytes,
  /// or asking for a preset dictionary.
  public struct Corrupt: Error, Hashable, Sendable {}

  /// Output is produced in windows of at most this many bytes.
  static let windowSize = 64 << 10

  public static func compress(_ message: ByteBuffer) throws -> ByteBuffer {
    var input = message
    return try input.compress(with: .zlib())
  }

  /// Decompresses `message`, failing with ``TooLarge`` as soon as the output exceeds `maxSize`
  /// bytes and with ``Corrupt`` unless `message` is exactly one whole zlib stream.
  public static func decompress(_ message: ByteBuffer, maxSize: Int) throws -> ByteBuffer {
    var input = message
    let inflater: ZlibDecompressor
    do {
      inflater = try ZlibDecompressor(algorithm: .zlib)
    } catch {
      throw Corrupt()
    }
    var window = ByteBufferAllocator().buffer(capacity: maxSize < Self.windowSize ? maxSize + 1 : Self.windowSize)
    var output = ByteBuffer()
    var windowFilled: Bool
    repeat {
      window.clear()
      windowFilled = try Self.inflate(inflater, from: &input, to: &window)
      output.writeBuffer(&window)
      guard output.readableBytes <= maxSize else { throw TooLarge(limit: maxSize) }
    } while windowFilled
    // The inflater stopped with room left: the stream ended, or the input ran out first.
    // Bytes left over follow the stream; an inflater asked for more with no input answers
    // "stream end" only if the stream had ended.
    guard input.readableBytes == 0 else { throw Corrupt() }
    window.clear()
    guard try !Self.inflate(inflater, from: &input, to: &window), window.readableBytes == 0 else {
      throw Corrupt()
    }
    return output
  }

  /// One inflate step; true if it stopped because `window` is full.
  private static func inflate(
    _ inflater: ZlibDecompressor,
    from input: inout ByteBuffer,
    to window: inout ByteBuffer
  ) throws(Corrupt) -> Bool {
    do {
      try inflater.inflate(from: &input, to: &window)
      return false
    } catch let error as CompressNIOError where error == .bufferOverflow {
      return true
    } catch {
      // inputBufferOverflow: the input ended inside the stream; corruptData; a preset
      // dictionary (internalError).
      throw Corrupt()
    }
  }
}
