import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Adds a product to the catalog after checking C1's rules.
  ///
  /// - Parameter currency: the organization's currency; the price must be in it.
  /// - Throws: `invalidArgument` listing every problem; `alreadyExists` for a taken SKU.
  public func createProduct(_ product: Product, currency: String, now: Date) throws -> Product {
    if try self.product(sku: product.sku) != nil {
      throw DomainError.alreadyExists("a product with SKU \(product.sku) exists already")
    }
    try product.validateNew(catalog: try catalog(), currency: currency)
    try sql.insert(ProductRecord(product, createdAt: now))
    try ProductLists.insert(product, sql)
    return product
  }

  /// The product, or `nil`.
  public func product(sku: String) throws -> Product? {
    guard
      let record = try sql.fetchOne(ProductRecord.self, "SELECT * FROM products WHERE sku = ?", [sku])
    else { return nil }
    return record.product(try ProductLists.fetch(sku: sku, sql)[sku] ?? ProductLists())
  }

  /// The product, or `notFound`.
  public func requireProduct(sku: String) throws -> Product {
    guard let product = try product(sku: sku) else { throw DomainError.notFound("product \(sku) not found") }
    return product
  }

  /// The whole catalog, by SKU.
  public func products() throws -> [Product] {
    let records = try sql.fetchAll(ProductRecord.self, "SELECT * FROM products ORDER BY sku")
    let lists = try ProductLists.fetch(sku: nil, sql)
    return records.map { $0.product(lists[$0.sku] ?? ProductLists()) }
  }

  /// The whole catalog keyed by SKU.
  public func catalog() throws -> [String: Product] {
    Dictionary(uniqueKeysWithValues: try products().map { ($0.sku, $0) })
  }
}
