extension OrderFlow {
  /// What the platform runs when an admin retries a stalled order (O2), kept with each
  /// flow so that a new order type says what its retry does.
  public enum RetryStep: String, Hashable, Sendable, CaseIterable {
    /// Provision the order's items again at their vendors (failed assets, then the
    /// subscriptions not provisioned yet).
    case provisionItems
    /// Send the order's change to the vendor again and apply it.
    case executeChange
    /// The stalled step has no platform work of its own (a renewal already applied, a
    /// payment the provider confirmed): the retry completes the order.
    case complete
  }
}
