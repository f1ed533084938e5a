import Foundation
import OrderDomain
import OrderStorage

/// The tenant side of backordering (B2, B3): an executed change and its outbox entries are
/// written in one transaction, with a relay job that delivers them to the parent.
enum Backordering {
  /// Records `changes` for the parent when this organization backorders (B1: its settings
  /// say so; a tenant's default is written into them when it is created).
  static func record(_ changes: [BackorderChange], tx: OrganizationTransaction, now: Date) throws {
    guard !changes.isEmpty, try tx.settings().backordering == true else { return }
    _ = try tx.appendOutbox(changes)
    if try tx.jobs(.relayBackorders, subject: "outbox").isEmpty {
      try tx.enqueueJob(.relayBackorders, subject: "outbox", dueAt: now, now: now)
    }
  }
}
