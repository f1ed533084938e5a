import BenchSupport
import GRPCCore

/// A unary echo over raw bytes, registered the way generated stubs register a unary method.
struct EchoService: RegistrableRPCService {
  static let echo = MethodDescriptor(fullyQualifiedService: "bench.Echo", method: "Echo")

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let coder = RawBytesCoder()
    router.registerHandler(forMethod: Self.echo, deserializer: coder, serializer: coder) { request, _ in
      let single = try await ServerRequest(stream: request)
      return StreamingServerResponse(single: ServerResponse(message: single.message))
    }
  }
}
