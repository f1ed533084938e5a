import OrderDomain
import OrderStorage

/// What every caller of the organization sees alike: the catalog (C1), the settings and
/// the simulated vendors' behaviour (C2).
extension ScopedTransaction {
  /// The organization's catalog (C1).
  public func products() throws -> [Product] { try self.tx.products() }

  /// The product with this SKU, if the catalog has it.
  public func product(sku: String) throws -> Product? { try self.tx.product(sku: sku) }

  /// The product, or `notFound`.
  public func requireProduct(sku: String) throws -> Product {
    guard let product = try self.tx.product(sku: sku) else {
      throw DomainError.notFound("no product with SKU \(sku) in this catalog")
    }
    return product
  }

  /// The organization's settings (scheduling horizon, backordering).
  public func settings() throws -> OrganizationSettings { try self.tx.settings() }

  /// The simulated vendor's behaviour for a product of the catalog, or `notFound`.
  public func vendorBehavior(sku: String) throws -> VendorBehavior {
    _ = try self.tx.requireProduct(sku: sku)
    return try self.tx.vendorBehavior(sku: sku)
  }
}
