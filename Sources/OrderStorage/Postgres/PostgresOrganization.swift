import OrderDomain

/// One organization on PostgreSQL (issue 14): its schema, and this node's write queue for it.
///
/// Writes go through ``queue`` (group commit under the organization's writer lock); reads run
/// in their own `REPEATABLE READ READ ONLY` transaction with the schema as `search_path`, and
/// never wait for writes.
final class PostgresOrganization: Sendable {
  let storage: PostgresStorage
  /// `org_<id>`.
  let schema: String
  let queue: PostgresWriteQueue

  init(_ id: OrganizationID, storage: PostgresStorage) throws {
    self.storage = storage
    schema = try PostgresSchema.organizationSchema(id)
    queue = PostgresWriteQueue(
      storage: storage, prologue: PostgresWriteQueue.organizationPrologue(schema: schema), signalKey: id.rawValue)
  }

  /// A write in a savepoint of the next batch.
  func write<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
    try await queue.write(body)
  }

  /// A read on one snapshot.
  func read<T: Sendable>(_ body: @Sendable (PostgresSession) throws -> T) async throws -> T {
    try await storage.read(prologue: [PostgresSchema.searchPath(schema)], body)
  }
}
