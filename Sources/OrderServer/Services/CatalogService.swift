import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// The organization's own catalog (C1). Anyone with a key reads it; admins change it.
struct CatalogService: Orders_V1_CatalogService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func createProduct(request: Orders_V1_CreateProductRequest, context: ServerContext) async throws -> Orders_V1_Product
  {
    let call = try CallContext.required()
    guard let organization = try await self.deps.registry.organization(id: call.principal.organizationID) else {
      throw DomainError.notFound("organization \(call.principal.organizationID) not found")
    }
    let product = try ProductRequest(request, currency: organization.currency).product()
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      try tx.createProduct(product, currency: organization.currency, now: now).proto
    }
  }

  func listProducts(request: Orders_V1_ListProductsRequest, context: ServerContext) async throws
    -> Orders_V1_ListProductsResponse
  {
    let call = try CallContext.required()
    let products = try await self.deps.read(call) { tx in try tx.products() }
    return .with { $0.products = products.map(\.proto) }
  }

  func getProduct(request: Orders_V1_GetProductRequest, context: ServerContext) async throws -> Orders_V1_Product {
    let call = try CallContext.required()
    let sku = request.sku
    guard let product = try await self.deps.read(call, { tx in try tx.product(sku: sku) }) else {
      throw DomainError.notFound("no product with SKU \(sku) in this catalog")
    }
    return product.proto
  }
}
