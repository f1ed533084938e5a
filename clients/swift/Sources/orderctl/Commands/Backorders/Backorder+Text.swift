import OrderProtocol

extension Orders_V1_Backorder {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("status", self.status)
    details.add("reason", self.reason)
    details.add("kind", self.kind)
    details.add("sku", self.sku)
    details.add("quantity", "\(self.quantity)")
    details.add("account", self.accountID)
    details.add("tenant", self.tenantOrganizationID)
    details.add("tenant subscription", self.tenantSubscriptionID)
    details.add("tenant sequence", "\(self.sourceSequence)")
    details.add("subscription", self.subscriptionID)
    details.add("order", self.orderID)
    details.add("received", self.receivedAt.dateTimeText)
    details.add("applied", self.appliedAt.dateTimeText)
    return details.render()
  }
}

extension Orders_V1_ListBackordersResponse {
  var tableText: String {
    var table = Table("ID", "TENANT", "KIND", "SKU", "QTY", "STATUS", "RECEIVED", "REASON")
    for backorder in self.backorders {
      table.append(
        backorder.id, backorder.tenantOrganizationID, backorder.kind, backorder.sku, "\(backorder.quantity)",
        backorder.status, backorder.receivedAt.dateTimeText, backorder.reason)
    }
    return table.render()
  }
}
