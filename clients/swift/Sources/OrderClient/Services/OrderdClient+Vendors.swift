import GRPCCore
import OrderProtocol

// VendorService: The simulated vendor's behaviour per product, for tests and demos (C2).
extension OrderdClient {
  /// Sets how the simulated vendor treats a product (admin of the product's organization).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func setVendorBehavior(
    _ request: Orders_V1_SetVendorBehaviorRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_VendorBehavior {
    let stub = Orders_V1_VendorService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.setVendorBehavior(request, metadata: metadata, options: options)
    }
  }

  /// How the simulated vendor treats a product.
  public func getVendorBehavior(
    _ request: Orders_V1_GetVendorBehaviorRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_VendorBehavior {
    let stub = Orders_V1_VendorService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getVendorBehavior(request, metadata: metadata, options: options)
    }
  }
}
