/// What a product is (C1).
public enum ProductKind: String, Sendable, Codable, CaseIterable {
  case subscription, addon, asset, oneOff, trial

  /// Whether buying it creates a subscription (subscriptions, add-ons and trials).
  public var isSubscription: Bool { self == .subscription || self == .addon || self == .trial }
}

/// The vendor connector that provisions a product (C2).
public enum Vendor: String, Sendable, Codable, CaseIterable {
  /// Supports On Renewal scheduling; quantity decrease on renewal only.
  case microsoft
  /// Legacy CSP: only Now and Custom Date changes.
  case microsoftLegacy = "microsoft-legacy"
  /// Instant provisioning, everything allowed.
  case generic
}

/// How a product is charged (C1).
public enum PricingType: String, Sendable, Codable, CaseIterable {
  /// Charged at the start of each billing period.
  case prepaidRecurring
  /// Charged at the end of each billing period.
  case postpaidRecurring
  /// Charged once, at purchase.
  case oneTime

  public var isRecurring: Bool { self != .oneTime }
}

/// How often a subscription is billed (C1).
public enum BillingCycle: String, Sendable, Codable, CaseIterable, Comparable {
  case monthly, annual

  /// The length of one billing period in months.
  public var months: Int { self == .monthly ? 1 : 12 }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.months < rhs.months }
}

/// A commitment term (C1), written as ISO 8601 durations.
public enum Term: String, Sendable, Codable, CaseIterable, Comparable {
  case oneMonth = "P1M"
  case oneYear = "P1Y"
  case threeYears = "P3Y"

  /// The term's length in months.
  public var months: Int {
    switch self {
    case .oneMonth: 1
    case .oneYear: 12
    case .threeYears: 36
    }
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.months < rhs.months }
}
