import GRPCCore
import OrderWire

/// The response side of a server call: turns response parts into frames.
struct ServerStreamWriter: ClosableRPCWriterProtocol {
  typealias Element = RPCResponsePart<WireTransport.Bytes>

  let stream: ServerStream
  let connection: ServerConnection

  func write(_ part: Element) async throws {
    switch part {
    case .metadata(let metadata):
      guard self.stream.isOutboundOpen else { throw Self.closedError }
      let frame = Frame.headers(streamID: self.stream.id, CallHeaders(metadata: metadata.wire), endStream: false)
      let limit = self.connection.config.limits.maxMetadataSize
      let fits = try await self.connection.queue.enqueue { $0.writeFrame(frame, maxPayload: limit) }
      guard fits else {
        throw RPCError(code: .resourceExhausted, message: "response metadata exceeds \(limit) bytes")
      }

    case .message(let bytes):
      guard self.stream.isOutboundOpen else { throw Self.closedError }
      let frame = try self.connection.messageFrame(streamID: self.stream.id, bytes.buffer)
      try await self.connection.queue.enqueue { FrameEncoder.encode(frame, into: &$0) }

    case .status(let status, let metadata):
      guard self.stream.closeOutbound() else { return }
      await self.sendTrailers(code: status.code.rawValue, message: status.message, metadata: metadata)
    }
  }

  func write(contentsOf parts: some Sequence<Element>) async throws {
    for part in parts { try await self.write(part) }
  }

  func finish() async {
    guard self.stream.closeOutbound() else { return }
    await self.sendTrailers(
      code: Status.Code.internalError.rawValue,
      message: "the server finished the call without a status",
      metadata: [:]
    )
  }

  func finish(throwing error: any Error) async {
    guard self.stream.closeOutbound() else { return }
    let rpcError = (error as? RPCError) ?? RPCError(code: .unknown, message: "\(error)")
    await self.sendTrailers(
      code: Status.Code(rpcError.code).rawValue,
      message: rpcError.message,
      metadata: rpcError.metadata
    )
  }

  private func sendTrailers(code: Int, message: String, metadata: Metadata) async {
    let id = self.stream.id
    let limit = self.connection.config.limits.maxMetadataSize
    let trailers = CallTrailers(code: UInt32(code), message: message, metadata: metadata.wire)
    // Free the call's slot before the client can see its end, so it may start the next call
    // at once without hitting the concurrency limit.
    let closeConnection = self.connection.releaseStream(id)
    defer { if closeConnection { self.connection.queue.finish() } }
    _ = try? await self.connection.queue.enqueue { buffer in
      if !buffer.writeFrame(.trailers(streamID: id, trailers), maxPayload: limit) {
        let fallback = CallTrailers(
          code: UInt32(Status.Code.resourceExhausted.rawValue),
          message: "trailing metadata exceeds \(limit) bytes"
        )
        FrameEncoder.encode(.trailers(streamID: id, fallback), into: &buffer)
      }
    }
  }

  private static var closedError: RPCError {
    RPCError(code: .cancelled, message: "the call was cancelled or has already ended")
  }
}
