import OrderProtocol

extension Orders_V1_ChangeSubscriptionResponse {
  /// The subscription after the change, then the order and the invoice lines when there are any.
  var detailsText: String {
    var sections = [self.subscription.detailsText]
    if self.hasOrder { sections.append(self.order.summaryText) }
    if self.hasInvoice && !self.invoice.lines.isEmpty {
      sections.append("invoice \(self.invoice.id)\n" + self.invoice.linesText)
    }
    return sections.joined(separator: "\n\n")
  }
}
