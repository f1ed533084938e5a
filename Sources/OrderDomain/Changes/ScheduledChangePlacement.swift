/// What placing a change of a given timing does to the subscription's other orders (H4, H8).
public struct ScheduledChangePlacement: Hashable, Sendable {
  /// The pending change of the same timing that the new one replaces: it ends `superseded`.
  public var supersedes: Order?
  /// Whether the subscription's future request is revoked (a vendor-side On Renewal change
  /// overrides it, H8).
  public var revokesFutureRequest: Bool

  public init(supersedes: Order? = nil, revokesFutureRequest: Bool = false) {
    self.supersedes = supersedes
    self.revokesFutureRequest = revokesFutureRequest
  }

  /// Decides whether a change with `timing` may be placed on `subscription` (H4, H8).
  ///
  /// At most one pending custom-date change and one pending On Renewal change per
  /// subscription: a new one replaces the previous of the same timing. A change can be
  /// placed only when no order of the subscription is in progress, except an On Renewal
  /// change synchronized from the vendor (`Agent.vendorSystem`), which already happened
  /// at the vendor and overrides the platform's pending On Renewal change and future request.
  ///
  /// - Parameters:
  ///   - openOrders: the subscription's orders that are not final.
  ///   - timings: the stored timing of those orders that are change orders.
  ///   - futureRequest: the subscription's future request, if any.
  /// - Throws: `failedPrecondition` naming the order in progress, or the future request
  ///   that must be revoked before an On Renewal change is placed (F1).
  public static func decide(
    timing: ChangeTiming, subscription: SubscriptionID, openOrders: [Order], timings: [OrderID: ChangeTiming],
    futureRequest: FutureRequest?, by agent: Agent
  ) throws(DomainError) -> ScheduledChangePlacement {
    let fromVendor = agent == .vendorSystem && timing == .onRenewal
    let orders = openOrders.filter { $0.subscriptionID == subscription }
    if !fromVendor { try OrderFlow.requireNoneInProgress(subscription: subscription, orders: orders) }
    guard timing != .now else { return ScheduledChangePlacement() }
    if timing == .onRenewal, let futureRequest, !fromVendor {
      throw .failedPrecondition(
        "subscription \(subscription) has a future request for quantity \(futureRequest.quantity); revoke it before scheduling an On Renewal change"
      )
    }
    let previous = orders.last { order in
      order.type == .change && timings[order.id] == timing && ScheduledChange.isPending(order, timing: timing)
    }
    return ScheduledChangePlacement(supersedes: previous, revokesFutureRequest: fromVendor && futureRequest != nil)
  }
}
