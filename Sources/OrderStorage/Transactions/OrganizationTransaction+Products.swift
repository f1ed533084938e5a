import Foundation
import GRDB
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
    try db.cachedStatement(
      sql: """
        INSERT INTO products (sku, name, kind, vendor, pricing, billingCycles, terms, unitPriceMinor, currency,
          minQuantity, maxQuantity, autoProvisioned, upgradesTo, addonOf, createdAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      product.sku, product.name, product.kind.rawValue, product.vendor.rawValue, product.pricing.rawValue,
      Self.join(product.billingCycles.map(\.rawValue)), Self.join(product.terms.map(\.rawValue)),
      product.unitPrice.minorUnits, product.unitPrice.currency, product.minQuantity, product.maxQuantity,
      product.autoProvisioned, Self.join(product.upgradesTo), product.addonOf, now,
    ])
    return product
  }

  /// The product, or `nil`.
  public func product(sku: String) throws -> Product? {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM products WHERE sku = ?"), arguments: [sku]).map(
      Product.init(row:))
  }

  /// The product, or `notFound`.
  public func requireProduct(sku: String) throws -> Product {
    guard let product = try product(sku: sku) else { throw DomainError.notFound("product \(sku) not found") }
    return product
  }

  /// The whole catalog, by SKU.
  public func products() throws -> [Product] {
    try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM products ORDER BY sku")).map(Product.init(row:))
  }

  /// The whole catalog keyed by SKU.
  public func catalog() throws -> [String: Product] {
    Dictionary(uniqueKeysWithValues: try products().map { ($0.sku, $0) })
  }

  static func join(_ values: [String]) -> String { values.joined(separator: ",") }

  static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
}

extension Product {
  init(row: Row) throws {
    func list<T: RawRepresentable>(_ column: String) throws -> [T] where T.RawValue == String {
      try OrganizationTransaction.split(try row.decode(column)).map {
        guard let value = T(rawValue: $0) else { throw DomainError.internalError("unexpected '\($0)' in \(column)") }
        return value
      }
    }
    self.init(
      sku: try row.decode("sku"), name: try row.decode("name"), kind: try row.decode("kind"),
      vendor: try row.decode("vendor"), pricing: try row.decode("pricing"), billingCycles: try list("billingCycles"),
      terms: try list("terms"), unitPrice: try row.money("unitPriceMinor"), minQuantity: try row.decode("minQuantity"),
      maxQuantity: try row.decode("maxQuantity"), autoProvisioned: try row.decode("autoProvisioned"),
      upgradesTo: OrganizationTransaction.split(try row.decode("upgradesTo")),
      addonOf: try row.decodeIfPresent("addonOf", as: String.self))
  }
}
