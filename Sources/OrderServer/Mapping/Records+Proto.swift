import OrderDomain
import OrderProtocol
import SwiftProtobuf

// Domain records -> protocol messages.

extension Money {
  var proto: Orders_V1_Money {
    .with {
      $0.currency = self.currency
      $0.minorUnits = self.minorUnits
    }
  }
}

extension Organization {
  var proto: Orders_V1_Organization {
    .with {
      $0.id = self.id.rawValue
      $0.name = self.name
      $0.kind = self.kind.proto
      $0.parentID = self.parentID?.rawValue ?? ""
      $0.currency = self.currency
      $0.createdAt = Google_Protobuf_Timestamp(date: self.createdAt)
      $0.parentAccountID = self.parentAccountID?.rawValue ?? ""
    }
  }
}

extension Account {
  var proto: Orders_V1_Account {
    .with {
      $0.id = self.id.rawValue
      $0.name = self.name
      $0.kind = self.kind.proto
      $0.resellerID = self.resellerID?.rawValue ?? ""
      $0.createdAt = Google_Protobuf_Timestamp(date: self.createdAt)
    }
  }
}

extension Product {
  var proto: Orders_V1_Product {
    .with {
      $0.sku = self.sku
      $0.name = self.name
      $0.kind = self.kind.proto
      $0.vendor = self.vendor.proto
      $0.pricing = self.pricing.proto
      $0.billingCycles = self.billingCycles.map(\.proto)
      $0.terms = self.terms.map(\.proto)
      $0.unitPrice = self.unitPrice.proto
      $0.minQuantity = Int32(clamping: self.minQuantity)
      $0.maxQuantity = Int32(clamping: self.maxQuantity)
      $0.autoProvisioned = self.autoProvisioned
      $0.upgradesTo = self.upgradesTo
      $0.addonOf = self.addonOf ?? ""
    }
  }
}

extension OrderLine {
  var proto: Orders_V1_OrderLine {
    .with {
      $0.sku = self.sku
      $0.quantity = Int32(clamping: self.quantity)
      $0.unitPrice = self.unitPrice.proto
      $0.amount = self.amount.proto
      if let cycle = self.billingCycle { $0.billingCycle = cycle.proto }
      if let term = self.term { $0.term = term.proto }
      if let start = self.periodStart { $0.periodStart = Google_Protobuf_Timestamp(date: start) }
      if let end = self.periodEnd { $0.periodEnd = Google_Protobuf_Timestamp(date: end) }
    }
  }
}

extension OrderStatusChange {
  var proto: Orders_V1_OrderStatusChange {
    .with {
      $0.at = Google_Protobuf_Timestamp(date: self.time)
      $0.from = self.from?.rawValue ?? ""
      $0.to = self.to.rawValue
      $0.reason = self.reason
      $0.by = self.by.rawValue
    }
  }
}

extension Order {
  func proto(history: [OrderStatusChange] = []) -> Orders_V1_Order {
    .with {
      $0.id = self.id.rawValue
      $0.number = self.number.rawValue
      $0.type = self.type.proto
      $0.status = self.status.rawValue
      $0.accountID = self.accountID.rawValue
      $0.lines = self.lines.map(\.proto)
      $0.total = self.total.proto
      $0.createdAt = Google_Protobuf_Timestamp(date: self.createdAt)
      $0.createdBy = self.createdBy.rawValue
      $0.history = history.map(\.proto)
      $0.subscriptionID = self.subscriptionID?.rawValue ?? ""
      if let date = self.scheduledFor { $0.scheduledFor = Google_Protobuf_Timestamp(date: date) }
      // Why an order stopped short of completing: failed, stalled, cancelled or superseded.
      if self.status != .completed, let last = history.last, last.to == self.status { $0.statusReason = last.reason }
    }
  }
}

extension Subscription {
  var proto: Orders_V1_Subscription {
    .with {
      $0.id = self.id.rawValue
      $0.accountID = self.accountID.rawValue
      $0.sku = self.sku
      $0.productName = self.productName
      $0.status = self.status.rawValue
      $0.provisioningStatus = self.provisioningStatus.rawValue
      $0.quantity = Int32(clamping: self.quantity)
      $0.billingCycle = self.billingCycle.proto
      $0.term = self.term.proto
      $0.autoRenew = self.autoRenew
      $0.startDate = Google_Protobuf_Timestamp(date: self.startDate)
      $0.currentPeriodEnd = Google_Protobuf_Timestamp(date: self.currentPeriodEnd)
      $0.termEnd = Google_Protobuf_Timestamp(date: self.termEnd)
      $0.orderID = self.orderID.rawValue
      $0.parentSubscriptionID = self.parentSubscriptionID?.rawValue ?? ""
    }
  }
}

extension Asset {
  var proto: Orders_V1_Asset {
    .with {
      $0.id = self.id.rawValue
      $0.accountID = self.accountID.rawValue
      $0.sku = self.sku
      $0.name = self.name
      $0.status = self.status.rawValue
      $0.syncStatus = self.syncStatus.rawValue
      $0.purchaseDate = Google_Protobuf_Timestamp(date: self.purchaseDate)
      if let expiration = self.expirationDate { $0.expirationDate = Google_Protobuf_Timestamp(date: expiration) }
      $0.softwareID = self.softwareID ?? ""
      $0.orderID = self.orderID.rawValue
      $0.syncError = self.syncError ?? ""
    }
  }
}
