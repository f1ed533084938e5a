import ArgumentParser
import OrderProtocol

/// What a subscription change alters: the options shared by `subscription change`,
/// `change schedule` and `vendor sync-change`.
struct ChangeOptions: ParsableArguments {
  @Option(help: "The new quantity.")
  var quantity: Int32?

  @Option(help: "The SKU to upgrade to (one of the product's upgrades).")
  var upgradeTo: String?

  @Option(help: "The new commitment term.")
  var term: Choice<Orders_V1_Term>?

  @Option(help: "The new billing cycle.")
  var billingCycle: Choice<Orders_V1_BillingCycle>?

  /// The flags, as a user types them, for a message that asks for one of them.
  static let flags = ["--quantity", "--upgrade-to", "--term", "--billing-cycle"]

  /// Whether any change was given.
  var isEmpty: Bool {
    self.quantity == nil && self.upgradeTo == nil && self.term == nil && self.billingCycle == nil
  }

  func validate() throws {
    if let quantity = self.quantity, quantity < 1 { throw ValidationError("--quantity must be at least 1") }
    if let sku = self.upgradeTo, sku.isEmpty { throw ValidationError("--upgrade-to needs a SKU") }
  }

  /// Copies the given changes into a change request; what was not given stays unset.
  func apply(to request: inout Orders_V1_ChangeSubscriptionRequest) {
    if let quantity = self.quantity { request.quantity = quantity }
    request.upgradeTo = self.upgradeTo ?? ""
    request.term = self.term?.value ?? .unspecified
    request.billingCycle = self.billingCycle?.value ?? .unspecified
  }

  /// Copies the given changes into a vendor's change; what was not given stays unset.
  func apply(to request: inout Orders_V1_SyncVendorChangeRequest) {
    if let quantity = self.quantity { request.quantity = quantity }
    request.upgradeTo = self.upgradeTo ?? ""
    request.term = self.term?.value ?? .unspecified
    request.billingCycle = self.billingCycle?.value ?? .unspecified
  }
}

extension ChangeOptions {
  /// A message asking for at least one change, listing `extra` flags after the shared ones.
  static func missing(_ subject: String, or extra: [String] = []) -> ValidationError {
    let all = Self.flags + extra
    let list = all.dropLast().joined(separator: ", ") + " or " + all[all.count - 1]
    return ValidationError("say what \(subject): \(list)")
  }
}
