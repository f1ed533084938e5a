import GRPCCore
import OrderWire

/// The request side of a client call: turns request parts into frames.
struct ClientStreamWriter: ClosableRPCWriterProtocol {
  typealias Element = RPCRequestPart<WireTransport.Bytes>

  let stream: ClientStream
  let connection: ClientConnection
  let path: String

  func write(_ part: Element) async throws {
    switch part {
    case .metadata(let metadata):
      try await self.connection.sendHeaders(for: self.stream, path: self.path, metadata: metadata)
    case .message(let bytes):
      guard let id = self.stream.id else {
        throw RPCError(code: .internalError, message: "request metadata must be written before messages")
      }
      // The server already ended the call: it reads no more requests.
      if self.stream.isComplete { return }
      let frame = try self.connection.messageFrame(streamID: id, bytes.buffer, compress: self.stream.compress)
      do {
        try await self.connection.queue.enqueue { FrameEncoder.encode(frame, into: &$0) }
      } catch {
        throw self.connection.closedError(error)
      }
    }
  }

  func write(contentsOf parts: some Sequence<Element>) async throws {
    for part in parts { try await self.write(part) }
  }

  func finish() async {
    guard let id = self.stream.closeRequest() else { return }
    _ = try? await self.connection.queue.enqueue {
      FrameEncoder.encode(.message(streamID: id, .endOfStream), into: &$0)
    }
  }

  func finish(throwing error: any Error) async {
    let rpcError = (error as? RPCError) ?? RPCError(code: .unknown, message: "the request stream failed", cause: error)
    if let id = self.stream.id, !self.stream.isComplete {
      try? self.connection.queue.enqueueNow {
        FrameEncoder.encode(.cancel(streamID: id, code: UInt32(Status.Code.cancelled.rawValue)), into: &$0)
      }
    }
    self.stream.fail(rpcError)
  }
}
