import Foundation
import OrderDomain

/// A generic-vendor subscription product (everything allowed, C2).
let basic = Product(
  sku: "BASIC", name: "Basic plan", kind: .subscription, vendor: .generic, pricing: .prepaidRecurring,
  billingCycles: [.monthly, .annual], terms: [.oneMonth, .oneYear, .threeYears], unitPrice: usd("20.00"),
  minQuantity: 1, maxQuantity: 50, upgradesTo: ["PREMIUM"])
let premium = Product(
  sku: "PREMIUM", name: "Premium plan", kind: .subscription, vendor: .generic, pricing: .prepaidRecurring,
  billingCycles: [.monthly, .annual], terms: [.oneMonth, .oneYear], unitPrice: usd("31.00"), maxQuantity: 50,
  upgradesTo: ["BASIC"])
let basicAddon = Product(
  sku: "BASIC-STORAGE", name: "Basic storage", kind: .addon, pricing: .prepaidRecurring, billingCycles: [.monthly],
  terms: [.oneMonth], unitPrice: usd("3.10"), maxQuantity: 10, addonOf: "BASIC")
let changeCatalog = catalog + [basic, premium, basicAddon]

/// Started 2026-01-15, monthly; on `now` (2026-01-31) 15 of the period's 31 days remain.
func changeable(
  _ sku: String = "BASIC", quantity: Int = 5, term: Term = .oneMonth, cycle: BillingCycle = .monthly,
  status: SubscriptionStatus = .active, id: String = "SUB-000001", parent: SubscriptionID? = nil
) -> Subscription {
  let start = UTCCalendar.date(year: 2026, month: 1, day: 15, hour: 9)
  return Subscription(
    id: SubscriptionID(id), accountID: customer.id, sku: sku, productName: sku, status: status,
    provisioningStatus: .synced, quantity: quantity, billingCycle: cycle, term: term, autoRenew: true,
    startDate: start, currentPeriodEnd: UTCCalendar.adding(cycle, to: start),
    termEnd: UTCCalendar.adding(term, to: start),
    orderID: "o1", parentSubscriptionID: parent)
}

func order(_ type: OrderType, _ status: OrderStatus, number: Int = 2, subscription: SubscriptionID? = "SUB-000001")
  -> Order
{
  Order(
    id: OrderID("order-\(number)"), number: OrderNumber(type: type, sequence: number), type: type, status: status,
    accountID: customer.id, createdAt: now, createdBy: .system, lines: [], total: .zero("USD"),
    subscriptionID: subscription)
}

let planner = ChangePlanner(catalog: changeCatalog, currency: "USD")
