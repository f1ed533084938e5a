import Foundation
import GRDB
import OrderDomain

/// A row of `products`; its lists are rows of ``ProductListItemRecord`` tables (schema v11).
struct ProductRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "products"

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
