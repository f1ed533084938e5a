import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Invoices and their payments (PO orders). Storefront keys see their own account's.
struct InvoiceService: Orders_V1_InvoiceService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listInvoices(request: Orders_V1_ListInvoicesRequest, context: ServerContext) async throws
    -> Orders_V1_ListInvoicesResponse
  {
    let call = try CallContext.required()
    let accountID = try SubscriptionService.scope(request.accountID, call.principal)
    let invoices = try await self.deps.read(call) { tx in
      try tx.invoices(accountID: accountID).map { $0.proto(orderNumber: try tx.order($0.orderID)?.number) }
    }
    return .with { $0.invoices = invoices }
  }

  func getInvoice(request: Orders_V1_GetInvoiceRequest, context: ServerContext) async throws -> Orders_V1_Invoice {
    let call = try CallContext.required()
    let principal = call.principal
    let id = InvoiceID(request.id)
    return try await self.deps.read(call) { tx in
      let invoice = try Self.find(id, tx, principal)
      return invoice.proto(orderNumber: try tx.order(invoice.orderID)?.number)
    }
  }

  func payInvoice(request: Orders_V1_PayInvoiceRequest, context: ServerContext) async throws
    -> Orders_V1_PayInvoiceResponse
  {
    let call = try CallContext.required()
    let principal = call.principal
    let id = InvoiceID(request.id)
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      let invoice = try Self.find(id, tx, principal)
      guard invoice.status == .open else {
        throw DomainError.failedPrecondition("invoice \(id) is \(invoice.status) already")
      }
      let order = try tx.createOrder(
        NewOrder(
          type: .payment, status: .executing, accountID: invoice.accountID, createdBy: principal.agent,
          lines: [OrderLine(sku: id.rawValue, quantity: 1, unitPrice: invoice.total, amount: invoice.total)],
          total: invoice.total, reason: "payment of invoice \(id)"),
        now: now)
      let paid = try tx.transition(order.id, to: .completed, reason: "invoice \(id) paid", by: .system, now: now)
      try tx.setInvoiceStatus(id, .paid)
      let history = try tx.statusHistory(of: paid.id)
      let updated = try tx.requireInvoice(id)
      let number = try tx.order(updated.orderID)?.number
      return .with {
        $0.invoice = updated.proto(orderNumber: number)
        $0.payment = paid.proto(history: history)
      }
    }
  }

  static func find(_ id: InvoiceID, _ tx: OrganizationTransaction, _ principal: Principal) throws -> Invoice {
    guard let invoice = try tx.invoice(id), principal.canSee(accountID: invoice.accountID) else {
      throw DomainError.notFound("invoice \(id) not found")
    }
    return invoice
  }
}
