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

  /// A dry run's answer: the order and invoice lines the change would produce.
  var estimateText: String {
    let nothing = "nothing was changed"
    guard self.hasOrder else { return "estimate — \(nothing)\n\nno order: the change needs none" }
    var sections = [self.order.estimateText(nothing: nothing)]
    if self.hasInvoice && !self.invoice.lines.isEmpty { sections.append("invoice\n" + self.invoice.linesText) }
    return sections.joined(separator: "\n\n")
  }
}
