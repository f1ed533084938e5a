import OrderProtocol

extension Orders_V1_Order {
  var detailsText: String {
    var details = Details()
    details.add("number", self.number)
    details.add("id", self.id)
    details.add("type", self.type.label)
    details.add("status", self.status)
    details.add("account", self.accountID)
    details.add("total", self.total.formatted)
    details.add("created", self.createdAt.dateTimeText)
    details.add("created by", self.createdBy)
    var sections = [details.render()]
    if !self.lines.isEmpty {
      var lines = Table("SKU", "QTY", "UNIT PRICE", "AMOUNT", "CYCLE", "TERM", "PERIOD")
      for line in self.lines {
        let period = line.hasPeriodStart ? "\(line.periodStart.dateText)..\(line.periodEnd.dateText)" : "-"
        lines.append(
          line.sku, "\(line.quantity)", line.unitPrice.formatted, line.amount.formatted, line.billingCycle.label,
          line.term.label, period)
      }
      sections.append(lines.render())
    }
    if !self.history.isEmpty {
      var history = Table("AT", "FROM", "TO", "BY", "REASON")
      for change in self.history {
        history.append(
          change.at.dateTimeText, change.from.isEmpty ? "-" : change.from, change.to, change.by,
          change.reason.isEmpty ? "-" : change.reason)
      }
      sections.append(history.render())
    }
    return sections.joined(separator: "\n\n")
  }
}

extension Orders_V1_ListOrdersResponse {
  var tableText: String {
    var table = Table("NUMBER", "ID", "TYPE", "STATUS", "ACCOUNT", "TOTAL", "CREATED")
    for order in self.orders {
      table.append(
        order.number, order.id, order.type.label, order.status, order.accountID, order.total.formatted,
        order.createdAt.dateText)
    }
    return table.render()
  }
}
