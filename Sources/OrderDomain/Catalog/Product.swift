/// A product of an organization's catalog (C1).
public struct Product: Hashable, Sendable, Codable {
  /// Unique in the catalog: letters, digits, `-`, `_`, `.`; 1 to 64 characters.
  public var sku: String
  public var name: String
  public var kind: ProductKind
  public var vendor: Vendor
  public var pricing: PricingType
  /// Allowed billing cycles; non-empty for recurring products.
  public var billingCycles: [BillingCycle]
  /// Allowed terms; non-empty for recurring products.
  public var terms: [Term]
  /// Price of one unit for one billing cycle (or once, for one-time pricing).
  public var unitPrice: Money
  public var minQuantity: Int
  public var maxQuantity: Int
  /// Provisioned automatically (instantly or nearly); required for scheduling (S2).
  public var autoProvisioned: Bool
  /// SKUs this product may be upgraded to.
  public var upgradesTo: [String]
  /// For an add-on, the SKU of its base product.
  public var addonOf: String?

  public init(
    sku: String, name: String, kind: ProductKind, vendor: Vendor = .generic,
    pricing: PricingType, billingCycles: [BillingCycle], terms: [Term], unitPrice: Money,
    minQuantity: Int = 1, maxQuantity: Int, autoProvisioned: Bool = true,
    upgradesTo: [String] = [], addonOf: String? = nil
  ) {
    self.sku = sku
    self.name = name
    self.kind = kind
    self.vendor = vendor
    self.pricing = pricing
    self.billingCycles = billingCycles
    self.terms = terms
    self.unitPrice = unitPrice
    self.minQuantity = minQuantity
    self.maxQuantity = maxQuantity
    self.autoProvisioned = autoProvisioned
    self.upgradesTo = upgradesTo
    self.addonOf = addonOf
  }

  /// Whether the product is charged per billing period.
  public var isRecurring: Bool { pricing.isRecurring }
}
