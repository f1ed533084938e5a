import Foundation
import OrderDomain
import OrderProtocol
import OrderWorkflows

extension PlaceOrder {
  /// The workflow a `PlaceOrder` request asks for: its items (new purchases, and items that
  /// name an existing subscription, which S2 refuses) and its date.
  init(_ request: Orders_V1_PlaceOrderRequest, currency: String, now: Date) throws {
    var items: [RequestedItem] = []
    var changeItems: [ChangeItem] = []
    for (index, item) in request.items.enumerated() {
      if item.subscriptionID.isEmpty {
        items.append(try RequestedItem(item, index: index))
      } else {
        changeItems.append(ChangeItem(index: index, sku: item.sku, subscriptionID: SubscriptionID(item.subscriptionID)))
      }
    }
    var executionDate: CivilDate?
    if !request.scheduledFor.isEmpty {
      guard let date = CivilDate(iso8601: request.scheduledFor) else {
        throw DomainError.invalidArgument("scheduled date '\(request.scheduledFor)' is not a date like 2027-03-01")
      }
      executionDate = date
    }
    self.init(
      accountID: AccountID(request.accountID), items: items, changeItems: changeItems, executionDate: executionDate,
      currency: currency, now: now)
  }
}

extension RequestedItem {
  init(_ item: Orders_V1_OrderItem, index: Int) throws {
    let cycle = item.billingCycle == .unspecified ? nil : BillingCycle(item.billingCycle)
    let term = item.term == .unspecified ? nil : Term(item.term)
    if item.billingCycle != .unspecified, cycle == nil {
      throw DomainError.invalidArgument("item \(index + 1) (SKU \(item.sku)): unknown billing cycle")
    }
    if item.term != .unspecified, term == nil {
      throw DomainError.invalidArgument("item \(index + 1) (SKU \(item.sku)): unknown term")
    }
    self.init(sku: item.sku, quantity: item.quantity == 0 ? 1 : Int(item.quantity), billingCycle: cycle, term: term)
  }
}
