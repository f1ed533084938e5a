import Foundation
import Logging
import OrderDomain
import OrderStorage

/// Creating a child organization as one recoverable operation over three files (issue 10).
///
/// ``Registry/beginOrganizationCreation(name:kind:parent:currency:claim:now:)`` records the
/// intent in the registry with every id chosen; then each step is idempotent and keyed by
/// those ids: the new organization's database with its settings (B1), its own account in
/// the parent (B2, found again by the child's id), and last, in one registry transaction,
/// the organization, its admin key and the operation's end. An interrupted operation is
/// finished with the same ids by a retry with the same idempotency key or at the next start
/// (``finishPending()``), never undone: once the intent is recorded it only rolls forward.
struct OrganizationCreation: Sendable {
  let registry: Registry
  let databases: OrganizationDatabases
  let faults: FaultInjection
  let logger: Logger

  /// Runs the remaining steps of `operation`; with a done operation, nothing.
  /// - Returns: the operation, done.
  func finish(_ operation: RegistryOperation) async throws -> RegistryOperation {
    guard operation.state == .pending else { return operation }
    guard let organization = operation.organization, let parentID = organization.parentID else {
      throw DomainError.internalError("operation \(operation.id) creates no child organization")
    }
    try await self.faults.check(.intentRecorded)
    // The child's database, with its kind's backordering default (B1). Writing the same
    // settings again is harmless, and nobody can change them before the operation is done:
    // the child's first key does not exist until then.
    try await self.databases.withStore(organization.id) { store in
      try await store.write { tx in
        try tx.updateSettings(
          OrganizationSettings(backordering: organization.kind.backordersByDefault), kind: organization.kind)
      }
    }
    try await self.faults.check(.organizationFileWritten)
    // The child's own account in the parent: the customer it is billed as, where its
    // backorders land (B2).
    let account = try await self.databases.withStore(parentID) { store in
      try await store.write { tx in
        try tx.ensureChildAccount(of: organization.id, name: organization.name, now: operation.createdAt)
      }
    }
    try await self.faults.check(.parentAccountWritten)
    return try await self.registry.finishOrganizationCreation(operation.id, parentAccountID: account.id)
  }

  /// Finishes every operation a crash interrupted, at start, before any call is served. One
  /// that fails is logged and stays pending for a retry or the next start.
  func finishPending() async {
    let pending: [RegistryOperation]
    do {
      pending = try await self.registry.pendingOperations()
    } catch {
      self.logger.error("cannot read the registry's unfinished operations: \(error)")
      return
    }
    for operation in pending where operation.kind == .createOrganization {
      let metadata: Logger.Metadata = [
        "org": "\(operation.callerID)", "child": "\(operation.key.organizationID)", "operation": "\(operation.id)",
      ]
      do {
        _ = try await self.finish(operation)
        self.logger.notice("finished an organization creation interrupted by a crash", metadata: metadata)
      } catch {
        self.logger.error(
          "could not finish an interrupted organization creation; retried at the next start: \(error)",
          metadata: metadata)
      }
    }
  }
}
