extension OrderFlow {
  /// Throws unless none of `orders` about `subscription` is in progress: at most one order
  /// per subscription is worked on at a time. Orders waiting for their date or the renewal
  /// (`scheduled`, `provisionFinished`) do not count.
  ///
  /// - Throws: `failedPrecondition` naming the order in progress and its status.
  public static func requireNoneInProgress(subscription: SubscriptionID, orders: [Order]) throws(DomainError) {
    let busy = orders.first { $0.subscriptionID == subscription && of($0.type).isInProgress($0.status) }
    if let busy {
      throw .failedPrecondition(
        "subscription \(subscription) has order \(busy.number) in progress (\(busy.status)); wait for it or cancel it")
    }
  }
}
