import Foundation
import Logging
import OrderDomain
import OrderStorage
import SwiftProtobuf

/// What every RPC handler works with: storage, the clock and a logger.
struct ServiceDependencies: Sendable {
  let registry: Registry
  let databases: OrganizationDatabases
  let clock: ServerClock
  let logger: Logger

  /// Runs `body` with the caller's own organization's database; handlers never open
  /// another one (T2).
  func withStore<T>(_ call: CallContext, _ body: (OrganizationStore) async throws -> T) async throws -> T {
    try await self.databases.withStore(call.principal.organizationID, body)
  }

  /// Reads the caller's organization in one consistent snapshot.
  func read<T: Sendable>(_ call: CallContext, _ body: @Sendable @escaping (OrganizationTransaction) throws -> T)
    async throws -> T
  {
    try await self.withStore(call) { store in try await store.read(body) }
  }

  /// A write to the caller's organization, exactly once per idempotency key.
  func idempotentWrite<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext, request: some SwiftProtobuf.Message, now: Date,
    _ body: @Sendable @escaping (OrganizationTransaction) throws -> Response
  ) async throws -> Response {
    try await self.withStore(call) { store in try await store.idempotentWrite(call, request: request, now: now, body) }
  }

  /// Registry work made idempotent through the caller's organization's outcome records.
  func idempotentCall<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext, request: some SwiftProtobuf.Message, now: Date,
    _ perform: () async throws -> Response
  ) async throws -> Response {
    try await self.withStore(call) { store in try await store.idempotentCall(call, request: request, now: now, perform)
    }
  }
}
