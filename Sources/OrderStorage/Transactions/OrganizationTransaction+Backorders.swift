import Foundation
import OrderDomain

extension OrganizationTransaction {
  /// Receives a tenant's change in the parent (B2, B3), exactly once in effect.
  ///
  /// A repeat of an already received (tenant, sequence) returns the stored backorder with
  /// `isNew` false and changes nothing. A new one is stored as `received`, or as `waiting`
  /// when an earlier backorder of the same tenant subscription (or of an add-on's base) is
  /// not applied yet. It notifies nothing: the workflows append `BackorderReceived` for a
  /// new one (B6).
  /// - Parameter account: the tenant's own account in this organization.
  /// - Throws: `notFound` for an unknown account; `failedPrecondition` when the change
  ///   arrives after a later one of the same tenant (B3: order is kept); `internal` when
  ///   the change has no outbox sequence.
  public func receiveBackorder(tenant: OrganizationID, account: AccountID, change: BackorderChange, now: Date)
    throws -> (backorder: Backorder, isNew: Bool)
  {
    guard let sequence = change.sequence else {
      throw DomainError.internalError("a backorder change needs its outbox sequence")
    }
    if let existing = try backorder(tenant: tenant, sourceSequence: sequence) { return (existing, false) }
    let latest = try sql.fetchOne(
      Int64.self, "SELECT MAX(sourceSequence) FROM backorders WHERE tenantOrganizationID = ?", [tenant.rawValue])
    if let latest, latest > sequence {
      throw DomainError.failedPrecondition(
        "change \(sequence) of tenant \(tenant) arrived after its change \(latest); a tenant's changes are received in order"
      )
    }
    _ = try requireAccount(account)
    let blocker = try blockingBackorder(tenant: tenant, change: change)
    let backorder = Backorder(
      id: BackorderID(number: try nextSequence("backorder")), tenantOrganizationID: tenant,
      tenantSubscriptionID: change.subscriptionID, sourceSequence: sequence, accountID: account, kind: change.kind,
      sku: change.sku, quantity: change.quantity, previousSKU: change.previousSKU,
      tenantBaseSubscriptionID: change.baseSubscriptionID, tenantOrderNumber: change.orderNumber,
      changedAt: change.at, status: blocker == nil ? .received : .waiting,
      reason: blocker.map(Self.waitingReason), waitingBehind: blocker?.id, subscriptionID: nil, orderID: nil,
      receivedAt: now, appliedAt: nil)
    try insert(backorder)
    return (backorder, true)
  }

  /// The backorder, or `nil`.
  public func backorder(_ id: BackorderID) throws -> Backorder? {
    try sql.fetchOne(BackorderRecord.self, "SELECT * FROM backorders WHERE id = ?", [id.rawValue])?.backorder
  }

  /// The backorder, or `notFound`.
  public func requireBackorder(_ id: BackorderID) throws -> Backorder {
    guard let backorder = try backorder(id) else { throw DomainError.notFound("backorder \(id) not found") }
    return backorder
  }

  /// The backorder of a tenant's change, or `nil` when it was not received.
  public func backorder(tenant: OrganizationID, sourceSequence: Int64) throws -> Backorder? {
    try sql.fetchOne(
      BackorderRecord.self, "SELECT * FROM backorders WHERE tenantOrganizationID = ? AND sourceSequence = ?",
      [tenant.rawValue, sourceSequence]
    ).map(\.backorder)
  }

  /// The newest sequence received from `tenant`, or `nil`: the tenant's outbox can be
  /// cleared up to it.
  public func lastReceivedSequence(tenant: OrganizationID) throws -> Int64? {
    try sql.fetchOne(
      Int64.self, "SELECT MAX(sourceSequence) FROM backorders WHERE tenantOrganizationID = ?", [tenant.rawValue])
  }

  /// Backorders in the order received, optionally only those with `status`, of `tenant`,
  /// or of one tenant subscription.
  public func backorders(
    status: BackorderStatus? = nil, tenant: OrganizationID? = nil, tenantSubscription: SubscriptionID? = nil,
    limit: Int = 1000
  ) throws -> [Backorder] {
    try sql.fetchAll(
      BackorderRecord.self,
      """
      SELECT * FROM backorders
      WHERE (status = ?1 OR ?1 IS NULL) AND (tenantOrganizationID = ?2 OR ?2 IS NULL)
        AND (tenantSubscriptionID = ?3 OR ?3 IS NULL)
      ORDER BY rowid LIMIT ?4
      """, [status?.rawValue, tenant?.rawValue, tenantSubscription?.rawValue, max(0, limit)]
    ).map(\.backorder)
  }

  /// The earliest backorder of the tenant subscription that is not applied (stalled,
  /// waiting or only received), before `sequence` when given: later changes of the same
  /// subscription wait behind it, so nothing is dropped or reordered (B3).
  public func blockingBackorder(
    tenant: OrganizationID, tenantSubscription: SubscriptionID, before sequence: Int64? = nil
  ) throws -> Backorder? {
    try sql.fetchOne(
      BackorderRecord.self,
      """
      SELECT * FROM backorders
      WHERE tenantOrganizationID = ?1 AND tenantSubscriptionID = ?2 AND status != 'applied'
        AND (sourceSequence < ?3 OR ?3 IS NULL)
      ORDER BY sourceSequence LIMIT 1
      """, [tenant.rawValue, tenantSubscription.rawValue, sequence]
    ).map(\.backorder)
  }

  /// The backorder `change` must wait behind: one of its own subscription, else (for an
  /// add-on's sale) one of its base subscription; `nil` when it can apply now.
  public func blockingBackorder(tenant: OrganizationID, change: BackorderChange) throws -> Backorder? {
    if let own = try blockingBackorder(
      tenant: tenant, tenantSubscription: change.subscriptionID, before: change.sequence)
    {
      return own
    }
    guard let base = change.baseSubscriptionID else { return nil }
    return try blockingBackorder(tenant: tenant, tenantSubscription: base, before: change.sequence)
  }

  func insert(_ backorder: Backorder) throws {
    try sql.insert(BackorderRecord(backorder))
  }

  static func waitingReason(_ blocker: Backorder) -> String {
    "waits behind backorder \(blocker.id) (\(blocker.status.rawValue)) of tenant subscription \(blocker.tenantSubscriptionID); it applies once that one is applied"
  }
}
