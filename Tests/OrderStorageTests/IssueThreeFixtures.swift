import Foundation
import OrderDomain
import OrderStorage

/// An account with one active `O365-E3` subscription (5 units, monthly, P1Y) bought by a
/// completed sales order at `t0`.
struct Seeded: Sendable {
  var account: Account
  var subscription: Subscription
  var salesOrder: Order
}

extension OrganizationTransaction {
  func seed(accountName: String = "A") throws -> Seeded {
    if try product(sku: "O365-E3") == nil { _ = try createProduct(.office(), currency: "USD", now: t0) }
    let account = try createAccount(NewAccount(name: accountName, kind: .customer), now: t0)
    let sale = try createOrder(simpleOrder(account: account.id), now: t0)
    let subscription = try createSubscription(
      NewSubscription(
        accountID: account.id, sku: "O365-E3", productName: "Office 365 E3", provisioningStatus: .synced, quantity: 5,
        billingCycle: .monthly, term: .oneYear, autoRenew: true, startDate: t0,
        currentPeriodEnd: UTCCalendar.adding(.monthly, to: t0), termEnd: UTCCalendar.adding(.oneYear, to: t0),
        orderID: sale.id))
    return Seeded(account: account, subscription: subscription, salesOrder: sale)
  }

  /// A change order of the seeded subscription, created in `status`.
  func changeOrder(_ seeded: Seeded, status: OrderStatus = .executing) throws -> Order {
    let line = OrderLine(sku: "O365-E3", quantity: 6, unitPrice: usd("20.00"), amount: usd("20.00"))
    return try createOrder(
      NewOrder(
        type: .change, status: status, accountID: seeded.account.id, createdBy: .system, lines: [line],
        total: usd("20.00"), subscriptionID: seeded.subscription.id), now: t0)
  }
}
