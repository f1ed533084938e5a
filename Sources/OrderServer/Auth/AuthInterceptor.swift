import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderTransport

/// Resolves the API key in a call's metadata to a ``Principal`` and enforces the method's
/// ``Access`` before any handler runs (T3, T6). Handlers work inside `principal`'s
/// organization only, read from ``CallContext``. The standard health service is the one
/// exception: it needs no key and reveals nothing but whether orderd is serving.
struct AuthInterceptor: ServerInterceptor {
  let authenticate: @Sendable (String) async throws -> Principal?
  let policy: [String: Access]
  let rootOrganization: OrganizationID
  let logger: Logger

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    // Health checks come from load balancers and orchestrators that hold no key.
    if context.descriptor.service == HealthService.descriptorOfService {
      return try await next(request, context)
    }
    let method = context.descriptor.fullyQualifiedMethod
    let call = try await self.resolve(request.metadata, method: method)
    var logger = self.logger
    if let observed = CallLogMetadata.current { logger[metadataKey: "requestID"] = "\(observed.requestID)" }
    logger[metadataKey: "org"] = "\(call.principal.organizationID)"
    logger[metadataKey: "method"] = "\(method)"
    logger.debug("call", metadata: ["role": "\(call.principal.role)", "peer": "\(context.remotePeer)"])

    var response: StreamingServerResponse<Output>
    do {
      response = try await CallContext.$current.withValue(call) {
        try await next(request, context)
      }
    } catch {
      Self.log(error, logger: logger)
      throw DomainError.answerable(error)
    }
    if case .failure(let error) = response.accepted { Self.log(error, logger: logger) }
    // Streaming bodies run after `next` returns: keep the caller's context for them too.
    if case .success(var contents) = response.accepted {
      let producer = contents.producer
      contents.producer = { writer in
        do {
          return try await CallContext.$current.withValue(call) { try await producer(writer) }
        } catch {
          throw DomainError.answerable(error)
        }
      }
      response.accepted = .success(contents)
    }
    return response
  }

  /// Failures the caller must fix are logged at debug; the server's own at error. A failure
  /// of the storage was logged once for its episode already (`StorageHealth`).
  static func log(_ error: any Error, logger: Logger) {
    if error is StorageFailure {
      logger.debug("call failed on storage", metadata: ["error": "\(error)"])
      return
    }
    let serverFault: Bool
    let code: String
    if let rpc = error as? RPCError {
      // Raised by GRPCCore itself (a closed stream, say), not by a handler.
      serverFault = [.internalError, .unknown, .dataLoss].contains(rpc.code)
      code = "\(rpc.code)"
    } else {
      let domain = DomainError.code(of: error)
      serverFault = DomainError.isServerFault(domain)
      code = "\(domain)"
    }
    if serverFault {
      logger.error("call failed", metadata: ["code": "\(code)", "error": "\(error)"])
    } else {
      logger.debug("call refused", metadata: ["code": "\(code)", "error": "\(error)"])
    }
  }

  private func resolve(_ metadata: Metadata, method: String) async throws -> CallContext {
    guard let header = metadata[stringValues: MetadataKeys.authorization].first(where: { _ in true }) else {
      throw DomainError.unauthenticated("no API key: send `authorization: Bearer <key>` metadata")
    }
    let presented = header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)) : header
    guard let principal = try await self.authenticate(presented) else {
      throw DomainError.unauthenticated("unknown or revoked API key")
    }
    guard let access = self.policy[method] else {
      throw DomainError.unimplemented("unknown method \(method)")
    }
    guard access.permits(principal, rootOrganization: self.rootOrganization) else {
      throw DomainError.permissionDenied(access.denial(for: method))
    }
    let idempotencyKey = metadata[stringValues: MetadataKeys.idempotencyKey].first(where: { _ in true })
    if let idempotencyKey, idempotencyKey.isEmpty || idempotencyKey.utf8.count > MetadataKeys.maxIdempotencyKeyLength {
      throw DomainError.invalidArgument("idempotency-key must be 1 to \(MetadataKeys.maxIdempotencyKeyLength) bytes")
    }
    let deadline = metadata[stringValues: "grpc-timeout"].first(where: { _ in true })
      .flatMap(GRPCTimeout.microseconds(from:))
      .map { ContinuousClock.now.advanced(by: .microseconds(min($0, UInt64(Int64.max)))) }
    return CallContext(principal: principal, idempotencyKey: idempotencyKey, method: method, deadline: deadline)
  }
}

extension Access {
  func denial(for method: String) -> String {
    switch self {
    case .anyRole: return "\(method) is not allowed"
    case .admin: return "\(method) needs an admin key; storefront keys only see their own account"
    case .rootAdmin: return "\(method) needs an admin key of the root organization"
    }
  }
}
