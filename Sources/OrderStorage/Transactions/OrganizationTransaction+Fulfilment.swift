import OrderDomain

/// What fulfilling a sales order created.
public struct Fulfilment: Hashable, Sendable {
  public var subscriptions: [Subscription]
  public var assets: [Asset]
}

extension OrganizationTransaction {
  /// Creates the subscriptions and assets of a planned sales order, linking add-ons to
  /// their bases (in the same order or existing).
  public func fulfil(_ plan: SalesOrderPlan, order: Order) throws -> Fulfilment {
    var result = Fulfilment(subscriptions: [], assets: [])
    var createdByItem: [Int: SubscriptionID] = [:]
    // Bases first, so add-ons of the same order can point at them.
    let ordered = plan.subscriptions.sorted { ($0.base == nil ? 0 : 1) < ($1.base == nil ? 0 : 1) }
    for planned in ordered {
      let baseID: SubscriptionID?
      switch planned.base {
      case nil: baseID = nil
      case .existing(let id): baseID = id
      case .sameOrder(let index):
        guard let id = createdByItem[index] else {
          throw DomainError.internalError("the base of item \(planned.itemIndex + 1) was not created")
        }
        baseID = id
      }
      let subscription = try createSubscription(
        planned.newSubscription(accountID: order.accountID, orderID: order.id, baseID: baseID))
      createdByItem[planned.itemIndex] = subscription.id
      result.subscriptions.append(subscription)
    }
    for planned in plan.assets {
      result.assets.append(try createAsset(planned.newAsset(accountID: order.accountID, orderID: order.id)))
    }
    return result
  }
}
