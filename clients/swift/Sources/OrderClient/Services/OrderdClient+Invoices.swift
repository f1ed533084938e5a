import GRPCCore
import OrderProtocol

// InvoiceService: Invoices of sales, changes, cancellations and renewals, and their payments.
extension OrderdClient {
  /// Invoices, optionally of one account.
  public func listInvoices(
    _ request: Orders_V1_ListInvoicesRequest = Orders_V1_ListInvoicesRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListInvoicesResponse {
    let stub = Orders_V1_InvoiceService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listInvoices(request, metadata: metadata, options: options)
    }
  }

  /// One invoice, by id (`INV-000001`).
  public func getInvoice(
    _ request: Orders_V1_GetInvoiceRequest,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_Invoice {
    let stub = Orders_V1_InvoiceService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.getInvoice(request, metadata: metadata, options: options)
    }
  }

  /// Records a payment of the whole invoice: a payment order (PO) attached to it (admin).
  ///
  /// Pass `idempotencyKey` to make the call idempotent beyond this process; otherwise
  /// a random key is drawn for this call and reused by its retries.
  public func payInvoice(
    _ request: Orders_V1_PayInvoiceRequest,
    idempotencyKey: IdempotencyKey? = nil,
    timeout: Duration? = nil
  ) async throws -> Orders_V1_PayInvoiceResponse {
    let stub = Orders_V1_InvoiceService.Client(wrapping: self.grpc)
    return try await self.perform(.mutating(idempotencyKey), timeout: timeout) { metadata, options in
      try await stub.payInvoice(request, metadata: metadata, options: options)
    }
  }
}
