import OrderProtocol

/// A protobuf enum with the names the CLI reads and prints (`country-tenant`, `one-off`).
protocol CLIEnum: Sendable, Equatable {
  /// The values a user may type, in the order help lists them.
  static var choices: [Self] { get }
  /// The CLI name; unset or unknown values print as `-` or their number.
  var label: String { get }
}

extension Orders_V1_OrganizationKind: CLIEnum {
  static var choices: [Self] { [.tenant, .countryTenant] }
  var label: String {
    switch self {
    case .root: return "root"
    case .tenant: return "tenant"
    case .countryTenant: return "country-tenant"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_Role: CLIEnum {
  static var choices: [Self] { [.admin, .storefront] }
  var label: String {
    switch self {
    case .admin: return "admin"
    case .storefront: return "storefront"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_AccountKind: CLIEnum {
  static var choices: [Self] { [.customer, .reseller] }
  var label: String {
    switch self {
    case .customer: return "customer"
    case .reseller: return "reseller"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_ProductKind: CLIEnum {
  static var choices: [Self] { [.subscription, .addon, .asset, .oneOff, .trial] }
  var label: String {
    switch self {
    case .subscription: return "subscription"
    case .addon: return "addon"
    case .asset: return "asset"
    case .oneOff: return "one-off"
    case .trial: return "trial"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_Vendor: CLIEnum {
  static var choices: [Self] { [.microsoft, .microsoftLegacy, .generic] }
  var label: String {
    switch self {
    case .microsoft: return "microsoft"
    case .microsoftLegacy: return "microsoft-legacy"
    case .generic: return "generic"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_PricingType: CLIEnum {
  static var choices: [Self] { [.prepaidRecurring, .postpaidRecurring, .oneTime] }
  var label: String {
    switch self {
    case .prepaidRecurring: return "prepaid-recurring"
    case .postpaidRecurring: return "postpaid-recurring"
    case .oneTime: return "one-time"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_BillingCycle: CLIEnum {
  static var choices: [Self] { [.monthly, .annual] }
  var label: String {
    switch self {
    case .monthly: return "monthly"
    case .annual: return "annual"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_Term: CLIEnum {
  static var choices: [Self] { [.p1M, .p1Y, .p3Y] }
  var label: String {
    switch self {
    case .p1M: return "P1M"
    case .p1Y: return "P1Y"
    case .p3Y: return "P3Y"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_OrderType {
  var label: String {
    switch self {
    case .so: return "SO"
    case .rn: return "RN"
    case .bo: return "BO"
    case .ch: return "CH"
    case .po: return "PO"
    case .cl: return "CL"
    case .cf: return "CF"
    case .rc: return "RC"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_OrderType: CLIEnum {
  static var choices: [Self] { [.so, .rn, .bo, .ch, .po, .cl, .cf, .rc] }
}

extension Orders_V1_FailProvisioning: CLIEnum {
  static var choices: [Self] { [.once, .always, .never] }
  var label: String {
    switch self {
    case .never: return "never"
    case .once: return "once"
    case .always: return "always"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}

extension Orders_V1_ChangeTiming {
  /// The scheduled type of a change (H9): `now`, `on renewal`, `custom date`.
  var label: String {
    switch self {
    case .now: return "now"
    case .onRenewal: return "on renewal"
    case .customDate: return "custom date"
    case .unspecified: return "-"
    case .UNRECOGNIZED(let value): return "\(value)"
    }
  }
}
