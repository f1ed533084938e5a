import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// Invoices and their payments (PO orders). Storefront keys see their own account's.
struct InvoiceService: Orders_V1_InvoiceService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listInvoices(request: Orders_V1_ListInvoicesRequest, context: ServerContext) async throws
    -> Orders_V1_ListInvoicesResponse
  {
    let call = try CallContext.required()
    let requested = request.accountID.isEmpty ? nil : AccountID(request.accountID)
    let paging = ListPaging("ListInvoices", filters: ["account_id": request.accountID])
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let invoices = try await self.deps.read(call) { scoped in
      try scoped.invoices(accountID: try scoped.scope(requested), page: page).map(\.proto)
    }
    return .with {
      $0.invoices = invoices.items
      $0.nextPageToken = paging.token(invoices.next)
    }
  }

  func getInvoice(request: Orders_V1_GetInvoiceRequest, context: ServerContext) async throws -> Orders_V1_Invoice {
    let call = try CallContext.required()
    let id = InvoiceID(request.id)
    return try await self.deps.read(call) { scoped in try scoped.requireInvoice(id).proto }
  }

  func payInvoice(request: Orders_V1_PayInvoiceRequest, context: ServerContext) async throws
    -> Orders_V1_PayInvoiceResponse
  {
    let call = try CallContext.required()
    let workflow = PayInvoice(id: InvoiceID(request.id), now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now) { scoped in
      let (invoice, payment) = try workflow.run(scoped)
      return .with {
        $0.invoice = invoice.proto
        $0.payment = payment.proto
      }
    }
  }
}
