import Foundation

/// Identifies an invoice inside its organization, e.g. `INV-000001`.
public struct InvoiceID: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(number: Int) { self.init(sequentialIdentifier(prefix: "INV", number)) }
}

/// Whether an invoice has been paid.
public enum InvoiceStatus: String, Sendable, Codable, CaseIterable {
  case open, paid
}

/// One line of an invoice; amounts are exact and signed (a refund is negative).
public struct InvoiceLine: Hashable, Sendable {
  public var sku: String
  /// What is charged, e.g. "Office 365 E3: 3 more units, 2026-01-31 to 2026-02-28".
  public var description: String
  public var quantity: Int
  public var unitPrice: Money
  public var amount: Money
  public var periodStart: Date?
  public var periodEnd: Date?

  public init(
    sku: String, description: String, quantity: Int, unitPrice: Money, amount: Money, periodStart: Date? = nil,
    periodEnd: Date? = nil
  ) {
    self.sku = sku
    self.description = description
    self.quantity = quantity
    self.unitPrice = unitPrice
    self.amount = amount
    self.periodStart = periodStart
    self.periodEnd = periodEnd
  }
}

/// An invoice for one order: what the account owes (or is owed, when negative).
public struct Invoice: Hashable, Sendable {
  public var id: InvoiceID
  public var accountID: AccountID
  public var orderID: OrderID
  public var issuedAt: Date
  public var lines: [InvoiceLine]
  /// The sum of the lines; signed.
  public var total: Money
  public var status: InvoiceStatus

  public init(
    id: InvoiceID, accountID: AccountID, orderID: OrderID, issuedAt: Date, lines: [InvoiceLine], total: Money,
    status: InvoiceStatus
  ) {
    self.id = id
    self.accountID = accountID
    self.orderID = orderID
    self.issuedAt = issuedAt
    self.lines = lines
    self.total = total
    self.status = status
  }

  public var currency: String { total.currency }
}

/// An invoice to create; the store assigns the id.
public struct NewInvoice: Hashable, Sendable {
  public var accountID: AccountID
  public var orderID: OrderID
  public var issuedAt: Date
  public var lines: [InvoiceLine]
  public var total: Money
  public var status: InvoiceStatus

  /// - Throws: `invalidArgument` when the lines mix currencies or overflow.
  public init(
    accountID: AccountID, orderID: OrderID, issuedAt: Date, lines: [InvoiceLine], currency: String,
    status: InvoiceStatus = .open
  ) throws(DomainError) {
    self.accountID = accountID
    self.orderID = orderID
    self.issuedAt = issuedAt
    self.lines = lines
    self.total = try Money.sum(lines.map(\.amount), currency: currency)
    self.status = status
  }

  public func with(id: InvoiceID) -> Invoice {
    Invoice(
      id: id, accountID: accountID, orderID: orderID, issuedAt: issuedAt, lines: lines, total: total, status: status)
  }
}
