import OrderProtocol
import SwiftProtobuf

extension Orders_V1_ScheduledChange {
  /// The actions with their old and new values: `quantity 5 -> 10; sku M365-E3 -> M365-E5`.
  var detailsSummary: String {
    self.details.map { "\($0.field) \($0.old.isEmpty ? "-" : $0.old) -> \($0.new.isEmpty ? "-" : $0.new)" }
      .joined(separator: "; ")
  }

  /// The change in a few words, as a subscription listing shows it: `CH-000003 on 2027-03-01`,
  /// `CH-000004 at renewal`.
  var pendingText: String {
    switch self.timing {
    case .onRenewal: return "\(self.orderNumber) at renewal"
    default: return "\(self.orderNumber) on \(self.scheduledFor.dateText)"
    }
  }

  var detailsText: String {
    var details = Details()
    details.add("order", self.orderNumber)
    details.add("scheduled for", self.scheduledFor.dateTimeText)
    details.add("type", self.timing.label)
    details.add("created by", self.createdBy)
    details.add("vendor sync", self.vendorSyncStatus)
    details.add("details", self.detailsSummary)
    details.add("price effect", self.priceEffect.formatted)
    details.add("status", self.status)
    return details.render()
  }
}

extension [Orders_V1_ScheduledChange] {
  /// The changes by execution date (H9), one per row with every field.
  var tableText: String {
    var table = Table(
      "ORDER", "SCHEDULED FOR", "TYPE", "CREATED BY", "VENDOR SYNC", "DETAILS", "PRICE EFFECT", "STATUS")
    for change in self.byExecutionDate {
      table.append(
        change.orderNumber, change.scheduledFor.dateText, change.timing.label, change.createdBy,
        change.vendorSyncStatus, change.detailsSummary, change.priceEffect.formatted, change.status)
    }
    return table.render()
  }

  /// Sorted by execution date; the server's order is kept between changes of the same instant.
  var byExecutionDate: [Orders_V1_ScheduledChange] {
    self.enumerated().sorted { left, right in
      let (a, b) = (left.element.scheduledFor, right.element.scheduledFor)
      if a.seconds != b.seconds { return a.seconds < b.seconds }
      if a.nanos != b.nanos { return a.nanos < b.nanos }
      return left.offset < right.offset
    }.map(\.element)
  }
}
