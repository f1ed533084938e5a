/// The fixed order types (O1). The user action determines the type; callers never choose it.
public enum OrderType: String, Sendable, Codable, CaseIterable {
  /// Sales: a new purchase.
  case sales = "SO"
  /// Renewal of a subscription at the end of its billing period.
  case renewal = "RN"
  /// Billing: a periodic charge (e.g. postpaid usage).
  case billing = "BO"
  /// Change of an existing subscription.
  case change = "CH"
  /// Payment.
  case payment = "PO"
  /// Cancellation: the provider owes the customer.
  case cancellation = "CL"
  /// Cancellation charge: the customer owes the provider.
  case cancellationCharge = "CF"
  /// Resource: zero amount, provisioning only.
  case resource = "RC"
}

/// A human-readable order number, unique per organization (O6), e.g. `SO-000042`.
public struct OrderNumber: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// The number `sequence` of orders of `type`.
  public init(type: OrderType, sequence: Int) {
    self.init(sequentialIdentifier(prefix: type.rawValue, sequence))
  }

  /// The order type named by the prefix, if any.
  public var type: OrderType? {
    rawValue.split(separator: "-").first.flatMap { OrderType(rawValue: String($0)) }
  }
}

/// Identifies an order; stable and opaque (the ``OrderNumber`` is what people read).
public struct OrderID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
}
