import Foundation
import OrderDomain

let jan31 = UTCCalendar.date(year: 2026, month: 1, day: 31)
let feb28 = UTCCalendar.date(year: 2026, month: 2, day: 28)
let mar31 = UTCCalendar.date(year: 2026, month: 3, day: 31)

let renewals = RenewalPlanner(catalog: catalog + [postpaidSeats, singleSeat], currency: "USD")

/// Postpaid with a quantity range, to see F1's pricing condition on its own.
let postpaidSeats = Product(
  sku: "SEATS-POST", name: "Postpaid seats", kind: .subscription, pricing: .postpaidRecurring,
  billingCycles: [.monthly], terms: [.oneMonth, .oneYear], unitPrice: usd("10.00"), maxQuantity: 50)
/// Prepaid with a quantity limit of exactly 1 (F1).
let singleSeat = Product(
  sku: "SINGLE", name: "Single seat", kind: .subscription, pricing: .prepaidRecurring, billingCycles: [.monthly],
  terms: [.oneMonth], unitPrice: usd("30.00"), maxQuantity: 1)

/// A subscription started on Jan 31 whose first billing period ends on Feb 28.
func renewing(
  _ sku: String = "O365-E3", quantity: Int = 5, cycle: BillingCycle = .monthly, term: Term = .oneMonth,
  autoRenew: Bool = true
) -> Subscription {
  Subscription(
    id: "SUB-000001", accountID: customer.id, sku: sku, productName: sku, status: .active, provisioningStatus: .synced,
    quantity: quantity, billingCycle: cycle, term: term, autoRenew: autoRenew, startDate: jan31,
    currentPeriodEnd: UTCCalendar.adding(cycle, to: jan31), termEnd: UTCCalendar.adding(term, to: jan31),
    orderID: "o", parentSubscriptionID: nil)
}

func request(_ quantity: Int) -> FutureRequest {
  FutureRequest(subscriptionID: "SUB-000001", quantity: quantity, createdAt: jan31, createdBy: .admin("k1"))
}

/// A change order of SUB-000001 in `status`.
func changeOrder(_ number: Int, status: OrderStatus, createdBy: Agent = .system, scheduledFor: Date? = nil) -> Order {
  Order(
    id: OrderID("ch\(number)"), number: OrderNumber(type: .change, sequence: number), type: .change, status: status,
    accountID: customer.id, createdAt: jan31.addingTimeInterval(Double(number)), createdBy: createdBy, lines: [],
    total: .zero("USD"), scheduledFor: scheduledFor, subscriptionID: "SUB-000001")
}
