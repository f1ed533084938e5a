/// The kinds of background jobs the server runs, as stored in each organization's queue.
enum JobKinds {
  /// Provision the items of an order in `provisioning` (subject: the order id).
  static let provision = "provision"
  /// Retry a failed asset or fetch its late vendor data (subject: the asset id).
  static let assetSync = "assetSync"
  /// Execute a scheduled order on its date (subject: the order id).
  static let executeScheduledOrder = "executeScheduledOrder"
  /// Renew or bill a subscription at the end of its period (subject: the subscription id).
  static let renew = "renew"
  /// Expire the assets whose expiration date has come (subject: the asset id).
  static let expireAssets = "expireAssets"
  /// Deliver the outbox of backorders to the parent organization (subject: `outbox`).
  static let relayBackorders = "relayBackorders"
}
