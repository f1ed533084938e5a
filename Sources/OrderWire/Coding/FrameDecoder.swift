public import NIOCore

/// Turns bytes into frames, enforcing the limits before anything is buffered.
///
/// Expects the peer's preface first, then frames. Any violation throws ``WireError``; the
/// connection answers with a GOAWAY carrying the error's code and message, then closes.
public struct FrameDecoder: ByteToMessageDecoder, Sendable {
  public typealias InboundOut = Frame

  public let limits: WireLimits
  private var awaitingPreface: Bool

  public init(limits: WireLimits = WireLimits(), expectPreface: Bool = true) {
    self.limits = limits
    self.awaitingPreface = expectPreface
  }

  public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws
    -> DecodingState
  {
    guard let frame = try self.decodeFrame(from: &buffer) else { return .needMoreData }
    context.fireChannelRead(Self.wrapInboundOut(frame))
    return .continue
  }

  public mutating func decodeLast(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer,
    seenEOF: Bool
  ) throws -> DecodingState {
    try self.decode(context: context, buffer: &buffer)
  }

  /// Decodes one frame (or the preface) from the front of `buffer`; nil if more bytes are
  /// needed. Consumes nothing unless a whole frame is available.
  public mutating func decodeFrame(from buffer: inout ByteBuffer) throws(WireError) -> Frame? {
    if self.awaitingPreface {
      guard let preface = try Self.decodePreface(from: &buffer) else { return nil }
      self.awaitingPreface = false
      return .preface(preface)
    }
    guard let header = buffer.getFrameHeader(at: buffer.readerIndex) else { return nil }
    try self.validate(header)
    guard buffer.readableBytes >= FrameHeader.size + Int(header.length) else { return nil }
    buffer.moveReaderIndex(forwardBy: FrameHeader.size)
    // Non-nil: the length was checked above.
    guard let payload = buffer.readSlice(length: Int(header.length)) else { return nil }
    return try FramePayloadParser.parse(header: header, payload: payload)
  }

  static func decodePreface(from buffer: inout ByteBuffer) throws(WireError) -> Preface? {
    let magicLength = Preface.magic.count
    let seen = min(buffer.readableBytes, magicLength)
    if let prefix = buffer.getBytes(at: buffer.readerIndex, length: seen),
      prefix != Array(Preface.magic.prefix(seen))
    {
      let hex = prefix.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        .joined(separator: " ")
      throw WireError(
        code: .badPreface,
        message: "bad preface: expected the magic 'ORDW' (4f 52 44 57), got \(hex); "
          + "the peer does not speak the orderd wire protocol"
      )
    }
    // The version is checked as soon as it arrives: the rest of a preface may differ by version.
    guard let version = buffer.getInteger(at: buffer.readerIndex + magicLength, as: UInt16.self) else {
      return nil
    }
    guard version == Preface.currentVersion else {
      throw WireError(
        code: .unsupportedVersion,
        message: "unsupported protocol version \(version): "
          + "this endpoint speaks version \(Preface.currentVersion)"
      )
    }
    guard buffer.readableBytes >= Preface.size else { return nil }
    buffer.moveReaderIndex(forwardBy: magicLength + 2)
    guard let (capabilities, maxStreams) = buffer.readMultipleIntegers(as: (UInt16, UInt32).self)
    else { return nil }
    return Preface(
      version: version,
      capabilities: .init(rawValue: capabilities),
      maxConcurrentStreams: maxStreams
    )
  }

  private func validate(_ header: FrameHeader) throws(WireError) {
    let type = header.type
    guard type.isKnown else {
      throw .protocolError("unknown frame type 0x\(String(type.rawValue, radix: 16))")
    }
    switch type {
    case .ping, .goAway:
      guard header.streamID == 0 else {
        throw .protocolError("\(type) must be sent on stream 0, got stream \(header.streamID)")
      }
    default:
      guard header.streamID != 0 else { throw .protocolError("\(type) must not be sent on stream 0") }
    }
    let length = Int(header.length)
    switch type {
    case .ping where length != 8:
      throw .frameSize("PING payload must be 8 bytes, got \(length)")
    case .cancel where length != 4:
      throw .frameSize("CANCEL payload must be 4 bytes, got \(length)")
    default:
      if let limit = self.limits.maxPayload(for: type), length > limit {
        throw .frameSize("\(type) payload of \(length) bytes exceeds the limit of \(limit) bytes")
      }
    }
  }
}

extension ByteBuffer {
  func getFrameHeader(at index: Int) -> FrameHeader? {
    var view = self
    view.moveReaderIndex(to: index)
    return view.readFrameHeader()
  }
}
