import Foundation
import OrderDomain
import OrderStorage

/// A new product of the organization's catalog (C1).
public struct CreateProduct: Sendable {
  public var product: Product
  public var currency: String
  public var now: Date

  public init(_ product: Product, currency: String, now: Date) {
    self.product = product
    self.currency = currency
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> Product {
    try scoped.principal.requireAdmin("change the catalog")
    return try scoped.tx.createProduct(self.product, currency: self.currency, now: self.now)
  }
}
