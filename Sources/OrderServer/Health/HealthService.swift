import GRPCCore
import OrderProtocol
import SwiftProtobuf

/// The standard gRPC health service (`grpc.health.v1.Health`), on every listener and without
/// an API key (see ``AuthInterceptor``): load balancers, Envoy, Kubernetes and grpcurl ask it
/// whether orderd takes calls. Check of an unknown service is NOT_FOUND; Watch of one sends
/// SERVICE_UNKNOWN and stays open, as the protocol says.
struct HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
  let statuses: HealthStatuses

  /// The service the auth interceptor lets through without a key.
  static let descriptorOfService = Grpc_Health_V1_Health.descriptor

  func check(
    request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthCheckResponse {
    guard let status = self.statuses.status(of: request.service) else {
      throw RPCError(code: .notFound, message: "unknown service '\(request.service)'")
    }
    return .with { $0.status = Self.servingStatus(status) }
  }

  func watch(
    request: Grpc_Health_V1_HealthCheckRequest, response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
    context: ServerContext
  ) async throws {
    for await status in self.statuses.watch(request.service) {
      try await response.write(.with { $0.status = Self.servingStatus(status) })
    }
  }

  static func servingStatus(_ status: HealthStatuses.Status?) -> Grpc_Health_V1_HealthCheckResponse.ServingStatus {
    switch status {
    case .serving: return .serving
    case .notServing: return .notServing
    case nil: return .serviceUnknown
    }
  }
}
