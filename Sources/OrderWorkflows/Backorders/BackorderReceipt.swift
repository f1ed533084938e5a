import Foundation
import OrderDomain
import OrderStorage

/// The parent's side of the backorder relay (B3): a tenant's outbox entries received and
/// applied in the parent's transaction, in order.
public enum BackorderReceipt {
  /// Receives and applies `entries` in order, each in its own savepoint, stopping at the
  /// first that fails unexpectedly (a stall is not a failure). Returns the last delivered
  /// sequence and that failure. A failure of the parent's storage (a full disk) fails the
  /// whole transaction instead: it is no fault of the entry.
  public static func receive(
    _ entries: [BackorderChange], tenant: OrganizationID, account: AccountID, currency: String,
    tx: OrganizationTransaction, now: Date
  ) throws -> (Int64?, (any Error)?) {
    var delivered: Int64?
    for entry in entries {
      do {
        try tx.savepoint {
          let (backorder, isNew) = try tx.notifying.receiveBackorder(
            tenant: tenant, account: account, change: entry, now: now)
          if isNew, backorder.status == .received {
            _ = try BackorderApplication(tx: tx, currency: currency, now: now).apply(backorder)
          }
        }
        delivered = entry.sequence
      } catch {
        if StorageFailure.isStorageCondition(error) { throw error }
        return (delivered, error)
      }
    }
    return (delivered, nil)
  }
}
