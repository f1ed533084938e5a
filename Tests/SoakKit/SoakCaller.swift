import Foundation
import GRPCCore
import OrderProtocol
import OrderTransport
import SwiftProtobuf

/// Makes calls as the soak's clients do: raw request bytes, an idempotency key fixed before
/// the first attempt, and attempts repeated until the server answers (a SIGKILLed server
/// answers UNAVAILABLE, a call cut by the kill DEADLINE_EXCEEDED or CANCELLED).
public struct SoakCaller: Sendable {
  let grpc: GRPCClient<WireTransport.Client>
  let keys: [SoakEntry.Caller: String]

  public init(grpc: GRPCClient<WireTransport.Client>, rootKey: String, tenantKey: String) {
    self.grpc = grpc
    self.keys = [.root: rootKey, .tenant: tenantKey]
  }

  /// The answer to one logical call and how many attempts it took.
  public func call(
    _ method: MethodDescriptor, as caller: SoakEntry.Caller, idempotencyKey: String?, request: [UInt8],
    giveUpAfter: Duration = .seconds(300)
  ) async throws -> (Result<[UInt8], RPCError>, attempts: Int) {
    var metadata: Metadata = [:]
    metadata.addString("Bearer \(self.keys[caller]!)", forKey: MetadataKeys.authorization)
    if let idempotencyKey { metadata.addString(idempotencyKey, forKey: MetadataKeys.idempotencyKey) }
    let deadline = ContinuousClock.now.advanced(by: giveUpAfter)
    var attempts = 0
    var pause = Duration.milliseconds(20)
    while true {
      attempts += 1
      var options = CallOptions.defaults
      options.timeout = .seconds(20)
      do {
        let response = try await self.grpc.unary(
          request: ClientRequest(message: request, metadata: metadata), descriptor: method,
          serializer: BytesCoder(), deserializer: BytesCoder(), options: options
        ) { try $0.message }
        return (.success(response), attempts)
      } catch let error as RPCError where [.unavailable, .deadlineExceeded, .cancelled].contains(error.code) {
        guard ContinuousClock.now < deadline else { throw error }
        try await Task.sleep(for: pause)
        pause = min(pause * 2, .milliseconds(500))
      } catch let error as RPCError {
        return (.failure(error), attempts)
      }
    }
  }

  /// A typed read (no idempotency key), retried like every call.
  public func read<Response: SwiftProtobuf.Message>(
    _ method: MethodDescriptor, as caller: SoakEntry.Caller, request: some SwiftProtobuf.Message,
    _: Response.Type = Response.self
  ) async throws -> Response {
    let (result, _) = try await self.call(
      method, as: caller, idempotencyKey: nil, request: try request.serializedBytes())
    return try Response(serializedBytes: try result.get())
  }
}

/// Message bytes as they are, for calls made with raw requests.
struct BytesCoder: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}
