/// The status of an order: a node of its type's flow (O2).
///
/// A struct with static members rather than an enum, so flows can grow new statuses
/// without breaking exhaustive switches in other modules.
public struct OrderStatus: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// Systemic: waits for its execution date (O3).
  public static let scheduled = OrderStatus("scheduled")
  /// Systemic: being executed now (O3).
  public static let executing = OrderStatus("executing")
  /// Waiting for the vendor to provision.
  public static let provisioning = OrderStatus("provisioning")
  /// The vendor failed to provision; a stall: an admin retries or cancels (O2).
  public static let provisioningFailed = OrderStatus("provisioningFailed")
  /// A payment order waits for the payment; a stall: an admin retries or cancels (O2).
  public static let paymentPending = OrderStatus("paymentPending")
  /// Provisioned; an On Renewal change waits here until the renewal applies it (O3).
  public static let provisionFinished = OrderStatus("provisionFinished")
  /// The flow ended successfully (O2).
  public static let completed = OrderStatus("completed")
  /// Cancelled before it ran.
  public static let cancelled = OrderStatus("cancelled")
  /// Replaced by a newer scheduled change of the same kind (H4).
  public static let superseded = OrderStatus("superseded")
  /// Failed; the status history holds the reason.
  public static let failed = OrderStatus("failed")

  /// Whether the order has reached an end of its flow.
  public var isFinal: Bool { [.completed, .cancelled, .superseded, .failed].contains(self) }
}
