import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// The organization's own catalog (C1). Anyone with a key reads it; admins change it.
struct CatalogService: Orders_V1_CatalogService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func createProduct(request: Orders_V1_CreateProductRequest, context: ServerContext) async throws -> Orders_V1_Product
  {
    let call = try CallContext.required()
    let currency = try await self.deps.organization(call).currency
    let workflow = CreateProduct(
      try ProductRequest(request, currency: currency).product(), currency: currency, now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func listProducts(request: Orders_V1_ListProductsRequest, context: ServerContext) async throws
    -> Orders_V1_ListProductsResponse
  {
    let call = try CallContext.required()
    let paging = ListPaging("ListProducts")
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let products = try await self.deps.read(call) { scoped in try scoped.products(page: page) }
    return .with {
      $0.products = products.items.map(\.proto)
      $0.nextPageToken = paging.token(products.next)
    }
  }

  func getProduct(request: Orders_V1_GetProductRequest, context: ServerContext) async throws -> Orders_V1_Product {
    let call = try CallContext.required()
    let sku = request.sku
    return try await self.deps.read(call) { scoped in try scoped.requireProduct(sku: sku).proto }
  }
}
