import OrderDomain
import OrderStorage

/// Sets how the simulated vendor of a catalog product behaves (C2), for tests and demos.
public struct SetVendorBehavior: Sendable {
  public var behavior: VendorBehavior
  public var sku: String

  public init(_ behavior: VendorBehavior, sku: String) {
    self.behavior = behavior
    self.sku = sku
  }

  public func run(_ scoped: ScopedTransaction) throws -> VendorBehavior {
    try scoped.principal.requireAdmin("set a vendor's behaviour")
    try self.behavior.validate()
    _ = try scoped.tx.requireProduct(sku: self.sku)
    try scoped.tx.setVendorBehavior(self.behavior, sku: self.sku)
    return self.behavior
  }
}
