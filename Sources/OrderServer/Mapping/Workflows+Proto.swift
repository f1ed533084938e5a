import Foundation
import OrderDomain
import OrderProtocol
import OrderWorkflows
import SwiftProtobuf

extension OrderWithHistory {
  var proto: Orders_V1_Order { self.order.proto(history: self.history) }
}

extension NumberedInvoice {
  var proto: Orders_V1_Invoice { self.invoice.proto(orderNumber: self.orderNumber) }
}

extension OrderEstimate {
  var proto: Orders_V1_Order {
    .with {
      $0.type = self.type.proto
      $0.status = self.executesAt == nil ? "estimate" : "estimate (scheduled)"
      $0.accountID = self.accountID.rawValue
      $0.lines = self.lines.map(\.proto)
      $0.total = self.total.proto
      if let agent = self.createdBy { $0.createdBy = agent.rawValue }
      if let date = self.executesAt { $0.scheduledFor = Google_Protobuf_Timestamp(date: date) }
    }
  }
}

extension ChangeOutcome {
  var proto: Orders_V1_ChangeSubscriptionResponse {
    .with {
      $0.subscription = self.subscription.proto
      if let order = self.order {
        $0.order = order.proto
        if let invoice = self.invoice { $0.invoice = invoice.proto(orderNumber: order.order.number) }
      }
    }
  }
}

extension ChangeEstimate {
  /// What a change would cost (H9's price effect), changing nothing.
  var proto: Orders_V1_ChangeSubscriptionResponse {
    .with {
      $0.subscription = self.plan.after.proto
      if let type = self.plan.orderType {
        $0.order = .with {
          $0.type = type.proto
          $0.status = "estimate"
          $0.accountID = self.subscription.accountID.rawValue
          $0.subscriptionID = self.subscription.id.rawValue
          $0.lines = self.plan.lines.map(\.proto)
          $0.total = self.plan.total.proto
        }
        $0.invoice = .with {
          $0.accountID = self.subscription.accountID.rawValue
          $0.lines = self.plan.invoiceLines.map(\.proto)
          $0.total = self.plan.total.proto
          $0.status = "estimate"
        }
      }
    }
  }
}

extension SubscriptionDetails {
  /// A subscription with its pending scheduled changes and future request (H9, F1).
  var proto: Orders_V1_Subscription {
    var message = self.subscription.proto
    message.pendingChanges = self.pendingChanges.map { $0.proto(of: self.subscription) }
    message.futureQuantity = Int32(clamping: self.futureRequest?.quantity ?? 0)
    return message
  }
}

extension ScheduledChange {
  /// A pending scheduled change with its details against `subscription` as it is (H9).
  func proto(of subscription: Subscription) -> Orders_V1_ScheduledChange {
    .with {
      $0.orderID = self.order.id.rawValue
      $0.orderNumber = self.order.number.rawValue
      $0.timing = self.timing == .customDate ? .customDate : .onRenewal
      $0.scheduledFor = Google_Protobuf_Timestamp(date: self.executionDate)
      $0.createdBy = self.order.createdBy.rawValue
      $0.vendorSyncStatus = self.vendorSyncStatus?.rawValue ?? ""
      $0.details = self.actions.map { ChangeDetail($0, of: subscription) }.map { detail in
        .with {
          $0.field = detail.field
          $0.old = detail.old
          $0.new = detail.new
        }
      }
      $0.priceEffect = self.order.total.proto
      $0.status = self.order.status.rawValue
    }
  }
}
