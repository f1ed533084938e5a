import Foundation
import GRDB
import OrderDomain

/// A row of `products`; its lists are rows of ``ProductListItemRecord`` tables (schema v11).
struct ProductRecord: FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "products"
  static let primaryKey = ["sku"]

  var sku: String
  var name: String
  var kind: ProductKind
  var vendor: Vendor
  var pricing: PricingType
  var unitPriceMinor: Int64
  var currency: String
  var minQuantity: Int
  var maxQuantity: Int
  var autoProvisioned: Bool
  var addonOf: String?
  var createdAt: Date
}

extension ProductRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    sku = try row.decode("sku")
    name = try row.decode("name")
    kind = try row.decode("kind")
    vendor = try row.decode("vendor")
    pricing = try row.decode("pricing")
    unitPriceMinor = try row.decode("unitPriceMinor")
    currency = try row.decode("currency")
    minQuantity = try row.decode("minQuantity")
    maxQuantity = try row.decode("maxQuantity")
    autoProvisioned = try row.decode("autoProvisioned")
    addonOf = try row.decodeIfPresent("addonOf")
    createdAt = try row.decode("createdAt")
  }

  func encode(to container: inout PersistenceContainer) {
    container["sku"] = sku
    container["name"] = name
    container["kind"] = kind.rawValue
    container["vendor"] = vendor.rawValue
    container["pricing"] = pricing.rawValue
    container["unitPriceMinor"] = unitPriceMinor
    container["currency"] = currency
    container["minQuantity"] = minQuantity
    container["maxQuantity"] = maxQuantity
    container["autoProvisioned"] = autoProvisioned
    container["addonOf"] = addonOf
    container["createdAt"] = createdAt
  }
}

extension ProductRecord {
  init(_ product: Product, createdAt: Date) {
    self.init(
      sku: product.sku, name: product.name, kind: product.kind, vendor: product.vendor, pricing: product.pricing,
      unitPriceMinor: product.unitPrice.minorUnits, currency: product.unitPrice.currency,
      minQuantity: product.minQuantity, maxQuantity: product.maxQuantity, autoProvisioned: product.autoProvisioned,
      addonOf: product.addonOf, createdAt: createdAt)
  }

  /// The product, with its lists.
  func product(_ lists: ProductLists) -> Product {
    Product(
      sku: sku, name: name, kind: kind, vendor: vendor, pricing: pricing, billingCycles: lists.billingCycles,
      terms: lists.terms, unitPrice: Money(minorUnits: unitPriceMinor, currency: currency), minQuantity: minQuantity,
      maxQuantity: maxQuantity, autoProvisioned: autoProvisioned, upgradesTo: lists.upgradesTo, addonOf: addonOf)
  }
}
