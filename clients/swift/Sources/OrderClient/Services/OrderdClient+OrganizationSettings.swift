import GRPCCore
import OrderProtocol

// OrganizationService: the caller's own organization's settings (admin).
extension OrderdClient {
  /// The caller's organization's settings: the scheduling horizon and backordering (B1).
  public func getOrganizationSettings(
    _ request: Orders_V1_GetOrganizationSettingsRequest = Orders_V1_GetOrganizationSettingsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_OrganizationSettings {
    let stub = Orders_V1_OrganizationService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getOrganizationSettings(request, metadata: metadata, options: options)
    }
  }

  /// Changes the settings that are set in `request`; returns all settings after the change.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func updateOrganizationSettings(
    _ request: Orders_V1_UpdateOrganizationSettingsRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_OrganizationSettings {
    let stub = Orders_V1_OrganizationService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.updateOrganizationSettings(request, metadata: metadata, options: options)
    }
  }
}
