import Foundation
import OrderDomain

let now = UTCCalendar.date(year: 2026, month: 1, day: 31, hour: 10)

func usd(_ text: String) -> Money {
  (try? Money(parsing: text, currency: "USD")) ?? .zero("USD")
}

let office = Product(
  sku: "O365-E3", name: "Office 365 E3", kind: .subscription, vendor: .microsoft, pricing: .prepaidRecurring,
  billingCycles: [.monthly, .annual], terms: [.oneMonth, .oneYear], unitPrice: usd("20.00"), minQuantity: 1,
  maxQuantity: 300, upgradesTo: ["O365-E5"])
let officeE5 = Product(
  sku: "O365-E5", name: "Office 365 E5", kind: .subscription, vendor: .microsoft, pricing: .prepaidRecurring,
  billingCycles: [.monthly], terms: [.oneYear], unitPrice: usd("35.00"), maxQuantity: 300)
let storage = Product(
  sku: "STORAGE", name: "Extra storage", kind: .addon, pricing: .prepaidRecurring, billingCycles: [.monthly],
  terms: [.oneMonth], unitPrice: usd("2.50"), maxQuantity: 10, addonOf: "O365-E3")
let metered = Product(
  sku: "AZURE", name: "Azure plan", kind: .subscription, pricing: .postpaidRecurring, billingCycles: [.monthly],
  terms: [.oneMonth], unitPrice: usd("100.00"), maxQuantity: 1)
let antivirus = Product(
  sku: "AV", name: "Antivirus", kind: .asset, pricing: .oneTime, billingCycles: [], terms: [],
  unitPrice: usd("49.99"), maxQuantity: 5)
let setup = Product(
  sku: "SETUP", name: "Setup service", kind: .oneOff, pricing: .oneTime, billingCycles: [], terms: [],
  unitPrice: usd("150.00"), maxQuantity: 1, autoProvisioned: false)
let trial = Product(
  sku: "TRIAL", name: "Office trial", kind: .trial, pricing: .prepaidRecurring, billingCycles: [.monthly],
  terms: [.oneMonth], unitPrice: usd("0"), maxQuantity: 25, upgradesTo: ["O365-E3"])

let catalog = [office, officeE5, storage, metered, antivirus, setup, trial]
let customer = Account(id: "ACC-000001", name: "Contoso", kind: .customer, resellerID: nil, createdAt: now)

func subscription(_ id: String, sku: String, status: SubscriptionStatus = .active) -> Subscription {
  Subscription(
    id: SubscriptionID(id), accountID: customer.id, sku: sku, productName: sku, status: status,
    provisioningStatus: .synced, quantity: 1, billingCycle: .monthly, term: .oneMonth, autoRenew: true,
    startDate: now, currentPeriodEnd: now, termEnd: now, orderID: "o", parentSubscriptionID: nil)
}
