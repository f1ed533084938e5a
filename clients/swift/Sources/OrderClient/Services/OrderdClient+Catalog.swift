import GRPCCore
import OrderProtocol

// CatalogService: The organization's own catalog (C1).
extension OrderdClient {
  /// Adds a product; unset fields take the server's documented defaults.
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func createProduct(
    _ request: Orders_V1_CreateProductRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Product {
    let stub = Orders_V1_CatalogService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.createProduct(request, metadata: metadata, options: options)
    }
  }

  /// The organization's products.
  public func listProducts(
    _ request: Orders_V1_ListProductsRequest = Orders_V1_ListProductsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListProductsResponse {
    let stub = Orders_V1_CatalogService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listProducts(request, metadata: metadata, options: options)
    }
  }

  /// One product, by SKU.
  public func getProduct(
    _ request: Orders_V1_GetProductRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Product {
    let stub = Orders_V1_CatalogService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getProduct(request, metadata: metadata, options: options)
    }
  }
}
