import GRPCCore
import OrderProtocol

// OrganizationService: Organizations: the caller's own and its tenant resellers (T1, T4).
extension OrderdClient {
  /// Creates a child organization and its first admin key, whose secret is returned once.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func createOrganization(
    _ request: Orders_V1_CreateOrganizationRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_CreateOrganizationResponse {
    let stub = Orders_V1_OrganizationService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.createOrganization(request, metadata: metadata, options: options)
    }
  }

  /// The caller's own organization and its direct children.
  public func listOrganizations(
    _ request: Orders_V1_ListOrganizationsRequest = Orders_V1_ListOrganizationsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListOrganizationsResponse {
    let stub = Orders_V1_OrganizationService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listOrganizations(request, metadata: metadata, options: options)
    }
  }

  /// One organization: the caller's own or a direct child.
  public func getOrganization(
    _ request: Orders_V1_GetOrganizationRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Organization {
    let stub = Orders_V1_OrganizationService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getOrganization(request, metadata: metadata, options: options)
    }
  }
}
