import Foundation
import GRDB
import OrderDomain

extension PostgresImport {
  /// Refuses a target that holds orderd data (rows in any registry table, or a schema of one
  /// of the source's organizations), or with `replace` drops those schemas and empties the
  /// registry, in one transaction. Nothing else is touched.
  static func prepareTarget(_ storage: PostgresStorage, for plan: ImportSource, replace: Bool) async throws {
    let schemas = try plan.organizations.map { try PostgresSchema.organizationSchema($0.id) }
    do {
      try await storage.transaction(.write) { session in
        let registry = PostgresSchema.registrySchema
        var filled: [(table: String, rows: Int64)] = []
        if try PostgresSchema.hasMigrations(session, schema: registry) {
          for table in try ImportTable.postgresTables(session, schema: registry).keys.sorted() {
            let rows = try session.values(native: "SELECT count(*) FROM \(registry).\(ImportTable.quoted(table))")
            if let count = rows.rows.first.flatMap({ Int64.fromDatabaseValue($0[0]) }), count > 0 {
              filled.append((table, count))
            }
          }
        }
        let existing = try existingSchemas(session).intersection(schemas).sorted()
        guard !filled.isEmpty || !existing.isEmpty else { return }
        guard replace else {
          var found = filled.map { "\($0.rows) row\($0.rows == 1 ? "" : "s") in \(registry).\($0.table)" }
          if !existing.isEmpty {
            found.append("schema\(existing.count == 1 ? "" : "s") \(existing.joined(separator: ", "))")
          }
          throw Failure.targetNotEmpty(found)
        }
        for schema in existing { try session.execute(native: "DROP SCHEMA \(ImportTable.quoted(schema)) CASCADE") }
        try session.execute(native: "SET CONSTRAINTS ALL DEFERRED")
        for (table, _) in filled {
          try session.execute(native: "DELETE FROM \(registry).\(ImportTable.quoted(table))")
        }
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw StorageFailure.converting(error, in: .registry)
    }
  }

  /// The organization schemas (`org_…`) of the database.
  static func existingSchemas(_ session: PostgresSession) throws -> Set<String> {
    Set(
      try session.values(native: "SELECT nspname::text FROM pg_namespace WHERE nspname LIKE 'org\\_%'").rows
        .compactMap { String.fromDatabaseValue($0[0]) })
  }

  /// The organization schemas that neither the registry nor an unfinished creation names.
  static func unnamedSchemas(in storage: PostgresStorage) async throws -> [String] {
    do {
      return try await storage.transaction(.read) { session in
        let named = try session.values(
          native: """
            SELECT id FROM orderd.organizations
            UNION SELECT organizationID FROM orderd.operations WHERE kind = 'createOrganization' AND state = 'pending'
            """
        ).rows.compactMap { String.fromDatabaseValue($0[0]) }
        let schemas = Set(named.compactMap { try? PostgresSchema.organizationSchema(.init($0)) })
        return try existingSchemas(session).subtracting(schemas).sorted()
      }
    } catch {
      throw StorageFailure.converting(error, in: .registry)
    }
  }
}
