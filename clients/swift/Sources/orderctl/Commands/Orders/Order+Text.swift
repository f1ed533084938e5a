import OrderProtocol

extension Orders_V1_Order {
  var detailsText: String {
    var details = Details()
    details.add("number", self.number)
    details.add("id", self.id)
    details.add("type", self.type.label)
    details.add("status", self.status)
    if !self.statusReason.isEmpty { details.add("status reason", self.statusReason) }
    details.add("account", self.accountID)
    if !self.subscriptionID.isEmpty { details.add("subscription", self.subscriptionID) }
    if self.hasScheduledFor { details.add("scheduled for", self.scheduledFor.dateTimeText) }
    details.add("total", self.total.formatted)
    details.add("created", self.createdAt.dateTimeText)
    details.add("created by", self.createdBy)
    var sections = [details.render()]
    if !self.lines.isEmpty { sections.append(self.linesText) }
    if !self.history.isEmpty { sections.append(self.historyText) }
    return sections.joined(separator: "\n\n")
  }

  /// The order's lines as a table.
  var linesText: String {
    var lines = Table("SKU", "QTY", "UNIT PRICE", "AMOUNT", "CYCLE", "TERM", "PERIOD")
    for line in self.lines {
      let period = line.hasPeriodStart ? "\(line.periodStart.dateText)..\(line.periodEnd.dateText)" : "-"
      lines.append(
        line.sku, "\(line.quantity)", line.unitPrice.formatted, line.amount.formatted, line.billingCycle.label,
        line.term.label, period)
    }
    return lines.render()
  }

  /// The recorded status changes, oldest first.
  var historyText: String {
    var history = Table("AT", "FROM", "TO", "BY", "REASON")
    for change in self.history {
      history.append(change.at.dateTimeText, change.from, change.to, change.by, change.reason)
    }
    return history.render()
  }

  /// The order in a few lines, as a change or payment prints it.
  var summaryText: String {
    var details = Details()
    details.add("order", self.number)
    details.add("type", self.type.label)
    details.add("status", self.status)
    if self.hasScheduledFor { details.add("scheduled for", self.scheduledFor.dateTimeText) }
    details.add("total", self.total.formatted)
    if !self.statusReason.isEmpty { details.add("status reason", self.statusReason) }
    return details.render()
  }

  /// A dry run's answer: the order as it would be, which has no number and changed nothing.
  func estimateText(nothing: String) -> String {
    var details = Details()
    details.add("type", self.type.label)
    details.add("account", self.accountID)
    if !self.subscriptionID.isEmpty { details.add("subscription", self.subscriptionID) }
    if self.hasScheduledFor { details.add("scheduled for", self.scheduledFor.dateTimeText) }
    details.add("total", self.total.formatted)
    var sections = ["estimate — \(nothing)", details.render()]
    if !self.lines.isEmpty { sections.append(self.linesText) }
    return sections.joined(separator: "\n\n")
  }
}

extension Orders_V1_ListOrdersResponse {
  /// The orders; with a SCHEDULED FOR column when any of them is scheduled (S5).
  var tableText: String {
    let scheduled = self.orders.contains(where: \.hasScheduledFor)
    var table = Table("NUMBER", "ID", "TYPE", "STATUS", "ACCOUNT", "TOTAL", "CREATED")
    if scheduled { table.headers.append("SCHEDULED FOR") }
    for order in self.orders {
      var row = [
        order.number, order.id, order.type.label, order.status, order.accountID, order.total.formatted,
        order.createdAt.dateText,
      ]
      if scheduled { row.append(order.scheduledFor.dateText) }
      table.append(row)
    }
    return table.render()
  }
}
