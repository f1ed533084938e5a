import Foundation

extension NewNotification {
  /// `AssetSynchronized`, naming the vendor data still missing (A2), or `AssetSyncFailed`
  /// with the vendor's reason: the vendor's answer for `asset` (A1, N1).
  public static func assetSync(_ asset: Asset, at time: Date) -> NewNotification {
    let failed = asset.syncStatus == .failed
    let missing = [
      asset.expirationDate == nil ? "expiration date" : nil, asset.softwareID == nil ? "software ID" : nil,
    ]
    .compactMap { $0 }
    let text =
      failed
      ? "asset \(asset.id) failed to synchronize: \(asset.syncError ?? "no reason given")"
      : "asset \(asset.id) synchronized"
        + (missing.isEmpty ? "" : "; the vendor has not returned the \(missing.joined(separator: " and ")) yet")
    return NewNotification(
      type: failed ? .assetSyncFailed : .assetSynchronized, time: time, subject: .asset(asset.id),
      accountID: asset.accountID, text: text)
  }

  /// `AssetExpired`: the asset reached its expiration date (A3, N1).
  public static func assetExpired(_ asset: Asset, at time: Date) -> NewNotification {
    NewNotification(
      type: .assetExpired, time: time, subject: .asset(asset.id), accountID: asset.accountID,
      text: "asset \(asset.id) (\(asset.name)) expired")
  }
}
