import OrderDomain
import OrderProtocol

/// A `CreateProductRequest` with its documented defaults applied, turned into a ``Product``.
/// Unknown enum values are refused here; C1's rules are checked by the domain.
struct ProductRequest {
  let request: Orders_V1_CreateProductRequest
  let currency: String

  init(_ request: Orders_V1_CreateProductRequest, currency: String) {
    self.request = request
    self.currency = currency
  }

  func product() throws(DomainError) -> Product {
    let given = self.request.product
    var problems: [String] = []
    let kind = ProductKind(given.kind)
    if kind == nil { problems.append("kind must be one of subscription, addon, asset, one-off, trial") }
    let vendor = given.vendor == .unspecified ? .generic : Vendor(given.vendor)
    if vendor == nil { problems.append("vendor must be one of microsoft, microsoft-legacy, generic") }
    let oneTimeByDefault = kind == .asset || kind == .oneOff
    let pricing =
      given.pricing == .unspecified ? (oneTimeByDefault ? .oneTime : .prepaidRecurring) : PricingType(given.pricing)
    if pricing == nil { problems.append("pricing must be one of prepaid-recurring, postpaid-recurring, one-time") }
    // One-time products have no billing cycles or terms; recurring ones default to monthly.
    let recurring = pricing?.isRecurring ?? true
    let cycles =
      given.billingCycles.isEmpty ? (recurring ? [.monthly] : []) : given.billingCycles.compactMap(BillingCycle.init)
    if cycles.count != given.billingCycles.count, !given.billingCycles.isEmpty {
      problems.append("billing cycles must be monthly or annual")
    }
    let terms = given.terms.isEmpty ? (recurring ? [.oneMonth] : []) : given.terms.compactMap(Term.init)
    if terms.count != given.terms.count, !given.terms.isEmpty { problems.append("terms must be P1M, P1Y or P3Y") }
    var price = Money.zero(self.currency)
    do {
      price = try self.unitPrice()
    } catch {
      problems.append(error.message)
    }
    if let error = DomainError.combining(.invalidArgument, summary: "the product is not valid:", problems) {
      throw error
    }
    return Product(
      sku: given.sku, name: given.name, kind: kind ?? .subscription, vendor: vendor ?? .generic,
      pricing: pricing ?? .prepaidRecurring, billingCycles: cycles, terms: terms, unitPrice: price,
      minQuantity: given.minQuantity == 0 ? 1 : Int(given.minQuantity),
      maxQuantity: given.maxQuantity == 0 ? 10_000 : Int(given.maxQuantity),
      autoProvisioned: !self.request.manualProvisioning,
      upgradesTo: given.upgradesTo, addonOf: given.addonOf.isEmpty ? nil : given.addonOf)
  }

  private func unitPrice() throws(DomainError) -> Money {
    if self.request.product.hasUnitPrice {
      let price = self.request.product.unitPrice
      let currency = price.currency.isEmpty ? self.currency : price.currency
      return Money(minorUnits: price.minorUnits, currency: currency)
    }
    guard !self.request.price.isEmpty else {
      throw .invalidArgument("a product needs a unit price, such as 12.50")
    }
    return try Money(parsing: self.request.price, currency: self.currency)
  }
}
