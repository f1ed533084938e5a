public import NIOCore

/// Parses the payload of a frame whose header has already been validated.
public enum FramePayloadParser {
  public static func parse(header: FrameHeader, payload: ByteBuffer) throws(WireError) -> Frame {
    var payload = payload
    let streamID = header.streamID
    let frame: Frame
    switch header.type {
    case .headers:
      let path = try payload.readString16(field: "HEADERS path")
      guard let timeout = payload.readInteger(as: UInt64.self) else {
        throw .protocolError("HEADERS: missing timeout")
      }
      let metadata = try payload.readMetadata()
      let headers = CallHeaders(
        path: path,
        timeoutMicroseconds: timeout == 0 ? nil : timeout,
        metadata: metadata
      )
      frame = .headers(streamID: streamID, headers, endStream: header.flags.contains(.endStream))

    case .message:
      let message = MessageFrame(bytes: payload, flags: header.flags)
      if !message.hasMessage {
        guard message.isEndStream, payload.readableBytes == 0 else {
          throw .protocolError("MESSAGE with NO_MESSAGE must have END_STREAM and no payload")
        }
      }
      payload.moveReaderIndex(to: payload.writerIndex)
      frame = .message(streamID: streamID, message)

    case .trailers:
      guard let code = payload.readInteger(as: UInt32.self) else {
        throw .protocolError("TRAILERS: missing status code")
      }
      let message = try payload.readString16(field: "TRAILERS message")
      let metadata = try payload.readMetadata()
      frame = .trailers(streamID: streamID, CallTrailers(code: code, message: message, metadata: metadata))

    case .cancel:
      guard let code = payload.readInteger(as: UInt32.self) else {
        throw .frameSize("CANCEL payload must be 4 bytes")
      }
      frame = .cancel(streamID: streamID, code: code)

    case .ping:
      guard let data = payload.readInteger(as: UInt64.self) else {
        throw .frameSize("PING payload must be 8 bytes")
      }
      frame = .ping(data: data, ack: header.flags.contains(.ack))

    case .goAway:
      guard let (lastStreamID, code) = payload.readMultipleIntegers(as: (UInt32, UInt32).self) else {
        throw .frameSize("GOAWAY payload must be at least 8 bytes")
      }
      let message = payload.readString(length: payload.readableBytes) ?? ""
      frame = .goAway(GoAway(lastStreamID: lastStreamID, code: WireErrorCode(rawValue: code), message: message))

    default:
      throw .protocolError("unknown frame type \(header.type)")
    }
    guard payload.readableBytes == 0 else {
      throw .protocolError("\(header.type): \(payload.readableBytes) unexpected trailing bytes")
    }
    return frame
  }
}
