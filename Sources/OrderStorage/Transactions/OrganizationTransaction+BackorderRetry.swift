import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// The stalled backorder an admin asks to apply again (B3).
  ///
  /// - Throws: `notFound` for an unknown backorder; `failedPrecondition` when it is applied
  ///   already, or waits behind another one (retry that one instead).
  public func backorderToRetry(_ id: BackorderID) throws -> Backorder {
    let backorder = try requireBackorder(id)
    switch backorder.status {
    case .stalled, .received:
      return backorder
    case .applied:
      throw DomainError.failedPrecondition("backorder \(id) is applied already; there is nothing to retry")
    case .waiting:
      let behind = backorder.waitingBehind.map { "backorder \($0)" } ?? "an earlier backorder"
      throw DomainError.failedPrecondition(
        "backorder \(id) waits behind \(behind) of tenant subscription \(backorder.tenantSubscriptionID); retry that one first, this one follows"
      )
    }
  }

  /// The earliest waiting backorder of `tenant` that nothing blocks any more, or `nil`.
  ///
  /// After applying a backorder, apply (or stall) this one, then ask again, until `nil`:
  /// the tenant's changes apply in their order (B3).
  public func nextReleasableBackorder(tenant: OrganizationID) throws -> Backorder? {
    for waiting in try waitingBackorders(tenant: tenant)
    where try blockingBackorder(tenant: tenant, change: waiting.change) == nil {
      return waiting
    }
    return nil
  }

  /// The tenant's waiting backorders in the order received. Asked after every backorder
  /// applied, so it reads the (few) waiting ones through the status index, never the
  /// tenant's whole history.
  func waitingBackorders(tenant: OrganizationID) throws -> [Backorder] {
    try sql.fetchAll(
      BackorderRecord.self,
      """
      SELECT * FROM backorders INDEXED BY backorders_status
      WHERE status = ? AND tenantOrganizationID = ? ORDER BY rowid
      """, [BackorderStatus.waiting.rawValue, tenant.rawValue]
    ).map(\.backorder)
  }
}
