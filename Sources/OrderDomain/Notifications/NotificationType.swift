/// The type of a notification (N1). A struct with static members so new events can be
/// added without breaking switches elsewhere.
public struct NotificationType: Identifier {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }

  public static let orderCreated = NotificationType("OrderCreated")
  public static let orderStatusChanged = NotificationType("OrderStatusChanged")
  public static let orderCompleted = NotificationType("OrderCompleted")
  public static let orderFailed = NotificationType("OrderFailed")
  public static let orderCancelled = NotificationType("OrderCancelled")
  /// A scheduled change was replaced by a newer one (H4).
  public static let orderSuperseded = NotificationType("OrderSuperseded")
  public static let provisioningFailed = NotificationType("ProvisioningFailed")
  public static let subscriptionChanged = NotificationType("SubscriptionChanged")
  public static let assetSyncFailed = NotificationType("AssetSyncFailed")
  public static let assetSynchronized = NotificationType("AssetSynchronized")
  public static let assetExpired = NotificationType("AssetExpired")
  public static let invoiceIssued = NotificationType("InvoiceIssued")
  /// A scheduled order or change was created (H10).
  public static let orderScheduled = NotificationType("OrderScheduled")
  /// A custom-date order executed (H10).
  public static let onPurchaseNotification = NotificationType("OnPurchaseNotification")
  public static let subscriptionChangeSuccess = NotificationType("SubscriptionChangeSuccess")
  public static let subscriptionChangeError = NotificationType("SubscriptionChangeError")
  /// The vendor accepted an On Renewal change (H10).
  public static let orderScheduledChangeSuccess = NotificationType("OrderScheduledChangeSuccess")
  /// A future request was created or revoked (F3).
  public static let subscriptionComment = NotificationType("SubscriptionComment")
  public static let backorderReceived = NotificationType("BackorderReceived")
  public static let backorderFailed = NotificationType("BackorderFailed")
}
