public import NIOCore

/// Encodes frames into bytes. Stateless; the transport encodes a whole batch of frames into
/// one buffer with ``encode(_:into:)`` so that a batch costs one write.
public struct FrameEncoder: MessageToByteEncoder, Sendable {
  public typealias OutboundIn = Frame

  public init() {}

  public func encode(data: Frame, out: inout ByteBuffer) {
    Self.encode(data, into: &out)
  }

  /// Appends the encoded frame (header and payload) to `buffer`.
  public static func encode(_ frame: Frame, into buffer: inout ByteBuffer) {
    switch frame {
    case .preface(let preface):
      buffer.writeBytes(Preface.magic)
      buffer.writeMultipleIntegers(preface.version, preface.capabilities.rawValue, preface.maxConcurrentStreams)

    case .headers(let streamID, let headers, let endStream):
      Self.withHeader(.headers, endStream ? .endStream : [], streamID, into: &buffer) { buffer in
        buffer.writeString16(headers.path)
        buffer.writeInteger(headers.timeoutMicroseconds.map { max($0, 1) } ?? 0)
        buffer.writeMetadata(headers.metadata)
      }

    case .message(let streamID, let message):
      buffer.writeFrameHeader(
        FrameHeader(
          length: UInt32(message.bytes.readableBytes),
          type: .message,
          flags: message.flags,
          streamID: streamID
        )
      )
      buffer.writeImmutableBuffer(message.bytes)

    case .trailers(let streamID, let trailers):
      Self.withHeader(.trailers, [], streamID, into: &buffer) { buffer in
        buffer.writeInteger(trailers.code)
        buffer.writeString16(trailers.message)
        buffer.writeMetadata(trailers.metadata)
      }

    case .cancel(let streamID, let code):
      buffer.writeFrameHeader(FrameHeader(length: 4, type: .cancel, streamID: streamID))
      buffer.writeInteger(code)

    case .ping(let data, let ack):
      buffer.writeFrameHeader(FrameHeader(length: 8, type: .ping, flags: ack ? .ack : [], streamID: 0))
      buffer.writeInteger(data)

    case .goAway(let goAway):
      Self.withHeader(.goAway, [], 0, into: &buffer) { buffer in
        buffer.writeMultipleIntegers(goAway.lastStreamID, goAway.code.rawValue)
        buffer.writeString(goAway.message)
      }
    }
  }

  /// Writes a header with a placeholder length, the payload, then patches the length in.
  private static func withHeader(
    _ type: FrameType,
    _ flags: FrameFlags,
    _ streamID: UInt32,
    into buffer: inout ByteBuffer,
    payload: (inout ByteBuffer) -> Void
  ) {
    let headerIndex = buffer.writerIndex
    buffer.writeFrameHeader(FrameHeader(length: 0, type: type, flags: flags, streamID: streamID))
    let payloadStart = buffer.writerIndex
    payload(&buffer)
    buffer.setInteger(UInt32(buffer.writerIndex - payloadStart), at: headerIndex)
  }
}
