import OrderProtocol

extension Orders_V1_Invoice {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("account", self.accountID)
    details.add("order", self.orderText)
    details.add("issued", self.issuedAt.dateTimeText)
    details.add("status", self.status)
    details.add("total", self.total.formatted)
    var sections = [details.render()]
    if !self.lines.isEmpty { sections.append(self.linesText) }
    return sections.joined(separator: "\n\n")
  }

  /// The order invoiced: its number, or its id when the server sent no number.
  var orderText: String { self.orderNumber.isEmpty ? self.orderID : self.orderNumber }

  /// The invoice lines: SKU, description, quantity, unit price, period and signed amount.
  var linesText: String {
    var table = Table("SKU", "DESCRIPTION", "QTY", "UNIT PRICE", "PERIOD", "AMOUNT")
    for line in self.lines {
      let period = line.hasPeriodStart ? "\(line.periodStart.dateText)..\(line.periodEnd.dateText)" : ""
      table.append(
        line.sku, line.description_p, "\(line.quantity)", line.unitPrice.formatted, period, line.amount.formatted)
    }
    return table.render()
  }
}

extension Orders_V1_ListInvoicesResponse {
  var tableText: String {
    var table = Table("ID", "ACCOUNT", "ORDER", "ISSUED", "TOTAL", "STATUS")
    for invoice in self.invoices {
      table.append(
        invoice.id, invoice.accountID, invoice.orderText, invoice.issuedAt.dateText, invoice.total.formatted,
        invoice.status)
    }
    return table.render()
  }
}

extension Orders_V1_PayInvoiceResponse {
  var detailsText: String {
    self.invoice.detailsText + "\n\n" + self.payment.summaryText
  }
}
