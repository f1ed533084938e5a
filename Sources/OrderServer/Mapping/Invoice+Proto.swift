import OrderDomain
import OrderProtocol
import SwiftProtobuf

extension Invoice {
  /// The invoice with the number of the order it invoices.
  func proto(orderNumber: OrderNumber?) -> Orders_V1_Invoice {
    var message = self.proto
    message.orderNumber = orderNumber?.rawValue ?? ""
    return message
  }

  var proto: Orders_V1_Invoice {
    .with {
      $0.id = self.id.rawValue
      $0.accountID = self.accountID.rawValue
      $0.orderID = self.orderID.rawValue
      $0.issuedAt = Google_Protobuf_Timestamp(date: self.issuedAt)
      $0.lines = self.lines.map(\.proto)
      $0.total = self.total.proto
      $0.status = self.status.rawValue
    }
  }
}

extension InvoiceLine {
  var proto: Orders_V1_InvoiceLine {
    .with {
      $0.sku = self.sku
      $0.description_p = self.description
      $0.quantity = Int32(clamping: self.quantity)
      $0.unitPrice = self.unitPrice.proto
      $0.amount = self.amount.proto
      if let start = self.periodStart { $0.periodStart = Google_Protobuf_Timestamp(date: start) }
      if let end = self.periodEnd { $0.periodEnd = Google_Protobuf_Timestamp(date: end) }
    }
  }
}

extension NotificationEntry {
  var proto: Orders_V1_Notification {
    .with {
      $0.position = self.position
      $0.type = self.type.rawValue
      $0.at = Google_Protobuf_Timestamp(date: self.time)
      $0.subjectKind = self.subject.kind.rawValue
      $0.subjectID = self.subject.id
      $0.accountID = self.accountID?.rawValue ?? ""
      $0.text = self.text
    }
  }
}

extension VendorBehavior {
  func proto(sku: String) -> Orders_V1_VendorBehavior {
    .with {
      $0.sku = sku
      $0.denyChanges = self.denyChanges
      switch self.failProvisioning {
      case .never: $0.failProvisioning = .never
      case .once: $0.failProvisioning = .once
      case .always: $0.failProvisioning = .always
      }
      $0.lateExpiration = self.lateExpiration
      $0.provisioningDelay = "PT\(self.provisioningDelay)S"
    }
  }
}
