/// The kinds of background jobs the server runs. The raw values are what each
/// organization's `jobs` table stores: they never change.
public enum JobKind: String, Hashable, Sendable, CaseIterable {
  /// Provision the items of an order in `provisioning` (subject: the order id).
  case provision
  /// Retry a failed asset or fetch its late vendor data (subject: the asset id).
  case assetSync
  /// Execute a scheduled order on its date (subject: the order id).
  case executeScheduledOrder
  /// Renew or bill a subscription at the end of its period (subject: the subscription id).
  case renew
  /// Expire the assets whose expiration date has come (subject: the asset id).
  case expireAssets
  /// Deliver the outbox of backorders to the parent organization (subject: `outbox`).
  case relayBackorders
}
