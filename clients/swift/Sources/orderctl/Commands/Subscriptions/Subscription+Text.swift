import OrderProtocol

extension Orders_V1_Subscription {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("account", self.accountID)
    details.add("sku", self.sku)
    details.add("product", self.productName)
    details.add("status", self.status)
    details.add("provisioning", self.provisioningStatus)
    details.add("quantity", "\(self.quantity)")
    details.add("billing cycle", self.billingCycle.label)
    details.add("term", self.term.label)
    details.add("auto-renew", self.autoRenew ? "on" : "off")
    details.add("started", self.hasStartDate ? self.startDate.dateText : "")
    details.add("period ends", self.hasCurrentPeriodEnd ? self.currentPeriodEnd.dateText : "")
    details.add("term ends", self.hasTermEnd ? self.termEnd.dateText : "")
    details.add("order", self.orderID)
    details.add("add-on of", self.parentSubscriptionID)
    details.add("future quantity", self.futureQuantityText)
    var sections = [details.render()]
    if !self.pendingChanges.isEmpty { sections.append("pending changes\n" + self.pendingChanges.tableText) }
    return sections.joined(separator: "\n\n")
  }

  /// The pending scheduled changes in a few words (H9): `CH-000003 on 2027-03-01; CH-000004 at renewal`.
  var pendingText: String {
    self.pendingChanges.byExecutionDate.map(\.pendingText).joined(separator: "; ")
  }

  /// The future request (F1): the quantity from the next renewal on; empty when there is none.
  var futureQuantityText: String {
    self.futureQuantity > 0 ? "\(self.futureQuantity)" : ""
  }
}

extension Orders_V1_ListSubscriptionsResponse {
  var tableText: String {
    var table = Table(
      "ID", "ACCOUNT", "SKU", "QTY", "STATUS", "PROVISIONING", "CYCLE", "TERM", "RENEW", "PERIOD ENDS", "FUTURE QTY",
      "PENDING")
    for subscription in self.subscriptions {
      table.append(
        subscription.id, subscription.accountID, subscription.sku, "\(subscription.quantity)", subscription.status,
        subscription.provisioningStatus, subscription.billingCycle.label, subscription.term.label,
        subscription.autoRenew ? "on" : "off",
        subscription.hasCurrentPeriodEnd ? subscription.currentPeriodEnd.dateText : "-",
        subscription.futureQuantityText, subscription.pendingText)
    }
    return table.render()
  }
}
