import Foundation
import Logging
import OrderDomain
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// What every RPC handler works with: storage, the clock and a logger.
struct ServiceDependencies: Sendable {
  let registry: Registry
  let databases: OrganizationDatabases
  let clock: ServerClock
  let scheduler: WorkScheduler
  let bell: NotificationBell
  /// Test-only stops between the steps of registry work; `.none` in orderd.
  let faults: FaultInjection
  let metrics: OrderdMetrics
  let logger: Logger

  /// Creating organizations, exactly once (issue 10).
  var organizationCreation: OrganizationCreation {
    OrganizationCreation(registry: self.registry, databases: self.databases, faults: self.faults, logger: self.logger)
  }

  /// Runs `body` with the caller's own organization's database; handlers never open
  /// another one (T2).
  func withStore<T>(_ call: CallContext, _ body: (OrganizationStore) async throws -> T) async throws -> T {
    try await self.databases.withStore(call.principal.organizationID, body)
  }

  /// Reads the caller's organization in one consistent snapshot, as the caller sees it (T6).
  func read<T: Sendable>(_ call: CallContext, _ body: @Sendable @escaping (ScopedTransaction) throws -> T)
    async throws -> T
  {
    let principal = call.principal
    return try await self.withStore(call) { store in
      try await store.read { tx in try body(ScopedTransaction(tx, principal: principal)) }
    }
  }

  /// A write to the caller's organization, exactly once per idempotency key.
  /// With `jobs`, the write may enqueue background jobs: the scheduler is prepared before
  /// the transaction and woken after it ended, so no job is ever left without a wake-up.
  func idempotentWrite<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext, request: some SwiftProtobuf.Message, now: Date, jobs: Bool = false,
    _ body: @Sendable @escaping (ScopedTransaction) throws -> Response
  ) async throws -> Response {
    let organization = call.principal.organizationID
    let principal = call.principal
    let write = { @Sendable (note: JobDueNote?) in
      try await self.withStore(call) { store in
        try await store.idempotentWrite(call, request: request, now: now, replays: self.metrics.idempotentReplays) {
          tx in
          let response = try body(ScopedTransaction(tx, principal: principal))
          try note?.record(tx)
          return response
        }
      }
    }
    let response =
      jobs ? try await self.scheduler.preparing(organization) { note in try await write(note) } : try await write(nil)
    self.bell.ring(organization)
    return response
  }

  /// Registry work whose repeat is harmless, made idempotent through the caller's
  /// organization's outcome records (see ``OrganizationStore/idempotentCall(_:request:now:_:)``).
  func idempotentCall<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext, request: some SwiftProtobuf.Message, now: Date,
    _ perform: () async throws -> Response
  ) async throws -> Response {
    try await self.withStore(call) { store in
      try await store.idempotentCall(call, request: request, now: now, replays: self.metrics.idempotentReplays, perform)
    }
  }

  /// The caller's organization (its currency, kind, parent).
  func organization(_ call: CallContext) async throws -> Organization {
    guard let organization = try await self.registry.organization(id: call.principal.organizationID) else {
      throw DomainError.notFound("organization \(call.principal.organizationID) not found")
    }
    return organization
  }
}
