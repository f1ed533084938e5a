import GRPCCore
import OrderProtocol

/// The outermost interceptor: gives each call its request id (the client's `x-request-id`
/// if valid, else a new one), returns it as `x-request-id` metadata (initial metadata of an
/// accepted call, trailers of a failed one), puts it with the method in every log line of
/// the call (``CallLogMetadata``), and counts the call and its latency by method and final
/// status (``CallMetrics``), also when it is refused before a handler runs (no key, say).
struct ObservabilityInterceptor: ServerInterceptor {
  let metrics: CallMetrics

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let start = ContinuousClock.now
    let method = context.descriptor.fullyQualifiedMethod
    let series = self.metrics.series(for: method)
    let requestID = RequestID.resolve(
      request.metadata[stringValues: MetadataKeys.requestID].first(where: { _ in true }))
    let call = CallLogMetadata.Call(requestID: requestID, method: method)
    var response: StreamingServerResponse<Output>
    do {
      response = try await CallLogMetadata.$current.withValue(call) { try await next(request, context) }
    } catch {
      let answered = Self.answer(error, requestID: requestID)
      series.finish(Self.code(of: answered), since: start)
      throw answered
    }
    switch response.accepted {
    case .success(var contents):
      contents.metadata.addString(requestID, forKey: MetadataKeys.requestID)
      let producer = contents.producer
      contents.producer = { writer in
        do {
          let trailers = try await CallLogMetadata.$current.withValue(call) { try await producer(writer) }
          series.finish(.ok, since: start)
          return trailers
        } catch {
          let answered = Self.answer(error, requestID: requestID)
          series.finish(Self.code(of: answered), since: start)
          throw answered
        }
      }
      response.accepted = .success(contents)
    case .failure(var error):
      error.metadata.addString(requestID, forKey: MetadataKeys.requestID)
      series.finish(Status.Code(error.code), since: start)
      response.accepted = .failure(error)
    }
    return response
  }

  /// The error a call ends with, carrying the request id when it is an RPC status (as GRPCCore
  /// would convert it); any other error goes on unchanged.
  static func answer(_ error: any Error, requestID: String) -> any Error {
    var rpc: RPCError
    if let error = error as? RPCError {
      rpc = error
    } else if let convertible = error as? any RPCErrorConvertible {
      rpc = RPCError(convertible)
    } else {
      return error
    }
    rpc.metadata.addString(requestID, forKey: MetadataKeys.requestID)
    return rpc
  }

  /// The status code a call ending with `error` gets.
  static func code(of error: any Error) -> Status.Code {
    if let rpc = error as? RPCError { return Status.Code(rpc.code) }
    if error is CancellationError { return .cancelled }
    return .unknown
  }
}
