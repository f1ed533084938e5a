import Foundation

extension NewNotification {
  /// `InvoiceIssued`: the invoice of `order` was written (N1).
  public static func invoiceIssued(_ invoice: Invoice, order: OrderNumber) -> NewNotification {
    NewNotification(
      type: .invoiceIssued, time: invoice.issuedAt, subject: .invoice(invoice.id), accountID: invoice.accountID,
      text: "invoice \(invoice.id) of \(invoice.total) issued for order \(order)")
  }
}
