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
    // Only the products it refers to: its base and its upgrade targets.
    let related = try products(skus: [product.addonOf].compactMap { $0 } + product.upgradesTo)
    try product.validateNew(
      catalog: Dictionary(uniqueKeysWithValues: related.map { ($0.sku, $0) }), currency: currency)
    try sql.insert(ProductRecord(product, createdAt: now))
    try ProductLists.insert(product, sql)
    return product
  }

  /// The product, or `nil`.
  public func product(sku: String) throws -> Product? {
    guard
      let record = try sql.fetchOne(ProductRecord.self, "SELECT * FROM products WHERE sku = ?", [sku])
    else { return nil }
    return record.product(try ProductLists.fetch(.skus([sku]), sql)[sku] ?? ProductLists())
  }

  /// The products of `skus` that are in the catalog, by SKU: what a plan that names those
  /// SKUs reads (an order's lines, a subscription and its add-ons), in one statement per
  /// table whatever the catalog's size. A reseller's catalog may hold thousands of products:
  /// reading all of them for each order made an order 15 times slower at 2,000.
  public func products(skus: some Sequence<String>) throws -> [Product] {
    let wanted = Set(skus).sorted()
    guard !wanted.isEmpty else { return [] }
    let records = try sql.fetchAll(
      ProductRecord.self, "SELECT * FROM products WHERE sku IN (SELECT value FROM json_each(?)) ORDER BY sku",
      [try IDList.argument(wanted)])
    let lists = try ProductLists.fetch(.skus(wanted), sql)
    return records.map { $0.product(lists[$0.sku] ?? ProductLists()) }
  }

  /// The product, or `notFound`.
  public func requireProduct(sku: String) throws -> Product {
    guard let product = try product(sku: sku) else { throw DomainError.notFound("product \(sku) not found") }
    return product
  }

  /// The whole catalog, by SKU.
  public func products() throws -> [Product] {
    let records = try sql.fetchAll(ProductRecord.self, "SELECT * FROM products ORDER BY sku")
    let lists = try ProductLists.fetch(.all, sql)
    return records.map { $0.product(lists[$0.sku] ?? ProductLists()) }
  }
}
