import GRPCCore
import NIOCore
import OrderWire

/// The message rules both sides share: size limits and per-message compression.
enum MessageCoding {
  /// The MESSAGE frame for an outgoing message, compressed when `compress` and large enough.
  static func frame(
    streamID: UInt32,
    _ message: ByteBuffer,
    limits: WireLimits,
    compress: Bool,
    minimumCompressedSize: Int
  ) throws -> Frame {
    let size = message.readableBytes
    guard size <= limits.maxMessageSize else {
      throw RPCError(
        code: .resourceExhausted,
        message: "message of \(size) bytes exceeds the limit of \(limits.maxMessageSize) bytes"
      )
    }
    var payload = MessageFrame.data(message)
    if compress, size >= minimumCompressedSize,
      let compressed = try? MessageCompression.compress(message),
      compressed.readableBytes < size
    {
      payload = .data(compressed, compressed: true)
    }
    guard payload.bytes.readableBytes <= limits.maxFrameSize else {
      throw RPCError(
        code: .resourceExhausted,
        message:
          "message frame of \(payload.bytes.readableBytes) bytes exceeds the limit of \(limits.maxFrameSize) bytes"
      )
    }
    return .message(streamID: streamID, payload)
  }

  /// The bytes of a received message, decompressed within the limits.
  static func decode(
    _ message: MessageFrame,
    limits: WireLimits,
    acceptsCompressed: Bool
  ) -> Result<ByteBuffer, RPCError> {
    guard message.isCompressed else {
      guard message.bytes.readableBytes <= limits.maxMessageSize else {
        return .failure(
          RPCError(
            code: .resourceExhausted,
            message:
              "message of \(message.bytes.readableBytes) bytes exceeds the limit of \(limits.maxMessageSize) bytes"
          )
        )
      }
      return .success(message.bytes)
    }
    guard acceptsCompressed else {
      return .failure(
        RPCError(code: .internalError, message: "received a compressed message, but compression was not accepted"))
    }
    do {
      return .success(try MessageCompression.decompress(message.bytes, maxSize: limits.maxMessageSize))
    } catch is MessageCompression.TooLarge {
      return .failure(
        RPCError(
          code: .resourceExhausted,
          message: "decompressed message exceeds the limit of \(limits.maxMessageSize) bytes"
        )
      )
    } catch {
      return .failure(RPCError(code: .internalError, message: "received a corrupt compressed message"))
    }
  }
}
