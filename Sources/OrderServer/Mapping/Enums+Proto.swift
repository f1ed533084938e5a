import OrderDomain
import OrderProtocol

// Domain enums <-> protocol enums. An unspecified protocol value maps to nil so callers can
// apply their documented default or refuse it with a message.

extension OrganizationKind {
  var proto: Orders_V1_OrganizationKind {
    switch self {
    case .root: .root
    case .tenant: .tenant
    case .countryTenant: .countryTenant
    }
  }

  init?(_ proto: Orders_V1_OrganizationKind) {
    switch proto {
    case .root: self = .root
    case .tenant: self = .tenant
    case .countryTenant: self = .countryTenant
    default: return nil
    }
  }
}

extension Role {
  var proto: Orders_V1_Role { self == .admin ? .admin : .storefront }

  init?(_ proto: Orders_V1_Role) {
    switch proto {
    case .admin: self = .admin
    case .storefront: self = .storefront
    default: return nil
    }
  }
}

extension AccountKind {
  var proto: Orders_V1_AccountKind { self == .customer ? .customer : .reseller }

  init?(_ proto: Orders_V1_AccountKind) {
    switch proto {
    case .customer: self = .customer
    case .reseller: self = .reseller
    default: return nil
    }
  }
}

extension ProductKind {
  var proto: Orders_V1_ProductKind {
    switch self {
    case .subscription: .subscription
    case .addon: .addon
    case .asset: .asset
    case .oneOff: .oneOff
    case .trial: .trial
    }
  }

  init?(_ proto: Orders_V1_ProductKind) {
    switch proto {
    case .subscription: self = .subscription
    case .addon: self = .addon
    case .asset: self = .asset
    case .oneOff: self = .oneOff
    case .trial: self = .trial
    default: return nil
    }
  }
}

extension Vendor {
  var proto: Orders_V1_Vendor {
    switch self {
    case .microsoft: .microsoft
    case .microsoftLegacy: .microsoftLegacy
    case .generic: .generic
    }
  }

  init?(_ proto: Orders_V1_Vendor) {
    switch proto {
    case .microsoft: self = .microsoft
    case .microsoftLegacy: self = .microsoftLegacy
    case .generic: self = .generic
    default: return nil
    }
  }
}

extension PricingType {
  var proto: Orders_V1_PricingType {
    switch self {
    case .prepaidRecurring: .prepaidRecurring
    case .postpaidRecurring: .postpaidRecurring
    case .oneTime: .oneTime
    }
  }

  init?(_ proto: Orders_V1_PricingType) {
    switch proto {
    case .prepaidRecurring: self = .prepaidRecurring
    case .postpaidRecurring: self = .postpaidRecurring
    case .oneTime: self = .oneTime
    default: return nil
    }
  }
}

extension BillingCycle {
  var proto: Orders_V1_BillingCycle { self == .monthly ? .monthly : .annual }

  init?(_ proto: Orders_V1_BillingCycle) {
    switch proto {
    case .monthly: self = .monthly
    case .annual: self = .annual
    default: return nil
    }
  }
}

extension Term {
  var proto: Orders_V1_Term {
    switch self {
    case .oneMonth: .p1M
    case .oneYear: .p1Y
    case .threeYears: .p3Y
    }
  }

  init?(_ proto: Orders_V1_Term) {
    switch proto {
    case .p1M: self = .oneMonth
    case .p1Y: self = .oneYear
    case .p3Y: self = .threeYears
    default: return nil
    }
  }
}

extension OrderType {
  var proto: Orders_V1_OrderType {
    switch self {
    case .sales: .so
    case .renewal: .rn
    case .billing: .bo
    case .change: .ch
    case .payment: .po
    case .cancellation: .cl
    case .cancellationCharge: .cf
    case .resource: .rc
    }
  }

  init?(_ proto: Orders_V1_OrderType) {
    guard let type = OrderType.allCases.first(where: { $0.proto == proto }) else { return nil }
    self = type
  }
}
