import NIOCore
import OrderWire

/// Runs ``MessageCompression/decompress(_:maxSize:)`` on a payload flagged COMPRESSED and
/// checks what it returned.
enum DecompressionCheck {
  /// The message, or nil when decompression was refused (corrupt data, over the limit).
  static func decompress(_ payload: ByteBuffer, maxSize: Int) throws(FuzzFailure) -> ByteBuffer? {
    let output: ByteBuffer
    do {
      output = try MessageCompression.decompress(payload, maxSize: maxSize)
    } catch is MessageCompression.TooLarge {
      return nil
    } catch is MessageCompression.Corrupt {
      return nil
    } catch {
      throw FuzzFailure("decompression failed with \(error), neither TooLarge nor Corrupt")
    }
    guard output.readableBytes <= maxSize else {
      throw FuzzFailure("decompressed \(output.readableBytes) bytes, over the limit of \(maxSize)")
    }
    // A whole zlib stream (RFC 1950) ends with the Adler-32 of the data it holds; a truncated
    // stream, or one followed by other bytes, must not pass as a message.
    let trailer =
      payload.readableBytes >= 6 ? payload.getInteger(at: payload.writerIndex - 4, as: UInt32.self) : nil
    guard trailer == Adler32.checksum(output.readableBytesView) else {
      throw FuzzFailure(
        "accepted \(payload.readableBytes) bytes that are not one whole zlib stream as a message of "
          + "\(output.readableBytes) bytes"
      )
    }
    return output
  }
}

/// The checksum at the end of a zlib stream (RFC 1950 §9).
enum Adler32 {
  static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in bytes {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return b << 16 | a
  }
}
