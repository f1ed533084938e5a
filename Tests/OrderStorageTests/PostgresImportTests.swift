import Foundation
import GRDB
import OrderDomain
import OrderProtocol
import OrderTesting
import Synchronization
import Testing

@testable import OrderStorage

/// Issue 14: `orderd migrate` copies a stopped server's data directory into PostgreSQL
/// (``PostgresImport``), and verifies the copy row by row.
@Suite("Migrating a data directory to PostgreSQL", .postgresOnly, .serialized, .timeLimit(.minutes(5)))
struct PostgresImportTests {
  /// What ``makeDirectory(_:)`` made.
  struct Made {
    var root: OrganizationID
    var reseller: OrganizationID
    var country: OrganizationID
    /// A customer of the reseller.
    var customer: AccountID
  }

  /// A data directory written by an in-process server on SQLite, through the API: the root,
  /// a reseller (a tenant, backordering to the root) and a country reseller under it, with
  /// catalogs, customers, orders placed (one with an idempotency key) and scheduled, the
  /// reseller's sale backordered to the root, a month of renewals (jobs run and deleted:
  /// SQLite's AUTOINCREMENT marks pass the highest ids left), invoices and notifications.
  static func makeDirectory(_ directory: URL) async throws -> Made {
    try await TestOrderd.with(dataDirectory: directory) { orderd in
      let root = orderd.root
      _ = try await root.createProduct(sku: "SEAT", price: "7.00")
      let rootCustomer = try await root.createAccount("Root customer")
      _ = try await root.placeOrder(account: rootCustomer.id, items: [("SEAT", 2)])
      let (resellerOrg, reseller) = try await root.createTenant("Reseller")
      _ = try await reseller.createProduct(sku: "SEAT", price: "10.00")
      let customer = try await reseller.createAccount("Customer")
      _ = try await reseller.placeOrder(account: customer.id, items: [("SEAT", 5)], idempotencyKey: "first-sale")
      _ = try await reseller.schedule(account: customer.id, items: [("SEAT", 1)], on: "2027-06-01")
      let (countryOrg, country) = try await reseller.createTenant("Country", kind: .countryTenant)
      _ = try await country.createProduct(sku: "SEAT", price: "12.00")
      let countryCustomer = try await country.createAccount("Country customer")
      _ = try await country.placeOrder(account: countryCustomer.id, items: [("SEAT", 3)])
      try await root.advanceClock(by: "P1M")
      return Made(
        root: try await root.organizations.getOrganization(.init(), metadata: root.metadata()).id.organizationID,
        reseller: resellerOrg.id.organizationID, country: countryOrg.id.organizationID,
        customer: AccountID(customer.id))
    }
  }

  /// Runs `body` with a data directory made by ``makeDirectory(_:)`` and an empty database.
  static func withSourceAndTarget(_ body: (DataDirectory, Made, PostgresStorage) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let made = try await makeDirectory(url)
    try await TestPostgres.withStorage { storage in try await body(DataDirectory(url), made, storage) }
  }

  /// Reads an SQLite file read-only.
  static func readSQLite<T>(_ url: URL, _ body: (Database) throws -> T) throws -> T {
    let queue = try DatabaseFiles.openReadOnly(url)
    defer { try? queue.close() }
    return try queue.read(body)
  }

  /// Rows per table of an SQLite file, by lowercase name, without the bookkeeping tables.
  static func sqliteCounts(_ url: URL) throws -> [String: Int] {
    try readSQLite(url) { db in
      var counts: [String: Int] = [:]
      for table in try ImportTable.sqliteTables(db).values {
        counts[table.name.lowercased()] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table.name)\"")
      }
      return counts
    }
  }

  /// Rows per table of a PostgreSQL schema, and every table's rows as text (to tell whether
  /// anything changed).
  static func postgresContents(_ storage: PostgresStorage, schema: String) async throws -> [String: [String]] {
    try await storage.transaction(.read) { session in
      var contents: [String: [String]] = [:]
      for table in try ImportTable.postgresTables(session, schema: schema).keys {
        contents[table] = try session.values(
          native: "SELECT t::text FROM \(schema).\"\(table)\" t ORDER BY t::text"
        ).rows.map { String.fromDatabaseValue($0[0]) ?? "" }
      }
      return contents
    }
  }

  /// Every organization schema's and the registry's contents.
  static func everything(_ storage: PostgresStorage) async throws -> [String: [String: [String]]] {
    let schemas = try await storage.transaction(.read) { session in try PostgresImport.existingSchemas(session) }
    var all: [String: [String: [String]]] = [:]
    for schema in schemas.union([PostgresSchema.registrySchema]) {
      all[schema] = try await postgresContents(storage, schema: schema)
    }
    return all
  }

  @Test("every table of every organization and of the registry is copied, counted and verified")
  func copiesAndVerifies() async throws {
    try await Self.withSourceAndTarget { source, made, storage in
      // A claim a killed server left: the stopped process's lease, not copied.
      try Self.alter(
        source.registryURL,
        "UPDATE wakeups SET claimedBy = 'node-gone', claimExpiresAt = '2027-01-01 00:00:30.000'")
      let started = ContinuousClock.now
      let copied = Copied()
      let report = try await PostgresImport.run(from: source, to: storage) { copied.append($0) }
      let elapsed = ContinuousClock.now - started
      #expect(report.isVerified, "\(report.databases.filter { !$0.isVerified })")
      // Children before parents, the registry last; each told as it is done.
      #expect(report.databases.map(\.organization) == [made.country, made.reseller, made.root, nil])
      #expect(copied.reports == report.databases)
      #expect(report.unnamedFiles.isEmpty && report.unnamedSchemas.isEmpty)
      for database in report.databases {
        #expect(database.tables.allSatisfy { $0.sourceRows == $0.targetRows })
        let url = database.organization.map { source.organizationURL($0) } ?? source.registryURL
        let schema = try database.organization.map { try PostgresSchema.organizationSchema($0) } ?? "orderd"
        let expected = try Self.sqliteCounts(url)
        #expect(
          Dictionary(uniqueKeysWithValues: database.tables.map { ($0.table.lowercased(), $0.targetRows) }) == expected)
        let inPostgres = try await Self.postgresContents(storage, schema: schema).mapValues(\.count)
        #expect(inPostgres == expected, "\(schema)")
      }
      func rows(_ id: OrganizationID?, _ table: String) -> Int {
        report.databases.first { $0.organization == id }?.tables.first { $0.table == table }?.targetRows ?? -1
      }
      // The workload reached every kind of row the brief names.
      #expect(rows(made.root, "backorders") >= 1 && rows(made.root, "backorderLinks") >= 1)
      #expect(rows(made.reseller, "idempotencyOutcomes") >= 1 && rows(made.reseller, "jobs") >= 1)
      for id in [made.root, made.reseller, made.country] {
        #expect(rows(id, "orders") >= 1 && rows(id, "subscriptions") >= 1 && rows(id, "invoices") >= 1)
        #expect(rows(id, "notifications") >= 1 && rows(id, "sequences") >= 1)
      }
      #expect(rows(nil, "organizations") == 3 && rows(nil, "apiKeys") >= 3 && rows(nil, "wakeups") >= 1)
      let claims = try await storage.transaction(.read) { session in
        try session.values(native: "SELECT count(*) FROM orderd.wakeups WHERE claimedBy IS NOT NULL").rows
      }
      #expect(claims == [[0.databaseValue]])
      print("PostgresImportTests: \(report.databases.reduce(0) { $0 + $1.rowCount }) rows in \(elapsed)")
    }
  }

  @Test("a second migration is refused and changes nothing; with replace it runs again, also after an aborted one")
  func refusesAFilledTarget() async throws {
    try await Self.withSourceAndTarget { source, made, storage in
      _ = try await PostgresImport.run(from: source, to: storage)
      let before = try await Self.everything(storage)
      await #expect {
        try await PostgresImport.run(from: source, to: storage)
      } throws: { error in
        guard case .targetNotEmpty(let found) = error as? PostgresImport.Failure else { return false }
        return found.contains("3 rows in orderd.organizations")
      }
      #expect(try await Self.everything(storage) == before)

      let again = try await PostgresImport.run(from: source, to: storage, replace: true)
      #expect(again.isVerified)
      #expect(try await Self.everything(storage) == before)

      // A run that stopped before the registry: organization schemas without registry rows.
      try await storage.transaction(.write) { session in
        try session.execute(native: "SET CONSTRAINTS ALL DEFERRED")
        for table in ["apiKeys", "wakeups", "operations", "serverState", "organizations"] {
          try session.execute(native: "DELETE FROM orderd.\(table)")
        }
      }
      let resellerSchema = try PostgresSchema.organizationSchema(made.reseller)
      await #expect {
        try await PostgresImport.run(from: source, to: storage)
      } throws: { error in
        guard case .targetNotEmpty(let found) = error as? PostgresImport.Failure else { return false }
        return found.count == 1 && found[0].contains(resellerSchema)
      }
      #expect(try await PostgresImport.run(from: source, to: storage, replace: true).isVerified)
      #expect(try await Self.everything(storage) == before)
    }
  }

  @Test("after the migration, numbers continue where SQLite left them: orders, rowids, positions, job ids")
  func numbersContinue() async throws {
    try await Self.withSourceAndTarget { source, made, storage in
      let file = source.organizationURL(made.reseller)
      // A job that ran (and was deleted) after every other one was enqueued.
      let sqlite = try OrganizationStore.open(at: file, organizationID: made.reseller)
      try await sqlite.write { tx in
        _ = try tx.deleteJob(try tx.enqueueJob(kind: "test", subject: "ran", dueAt: t0, now: t0))
      }
      try sqlite.close()
      let (lastNumber, lastRowid, jobMark, lastPosition, maxJob) = try Self.readSQLite(file) { db in
        (
          try String.fetchOne(db, sql: "SELECT max(number) FROM orders")!,
          try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM orders")!,
          try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'jobs'")!,
          try Int64.fetchOne(db, sql: "SELECT max(position) FROM notifications")!,
          try Int64.fetchOne(db, sql: "SELECT max(id) FROM jobs") ?? 0
        )
      }
      // The sale was relayed to the root: the outbox is empty, its mark is not.
      let (outboxMark, outboxRows) = try Self.readSQLite(file) { db in
        (
          try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'backorderOutbox'")!,
          try Int.fetchOne(db, sql: "SELECT count(*) FROM backorderOutbox")!
        )
      }
      #expect(outboxMark >= 1 && outboxRows == 0)
      // Jobs ran and were deleted: SQLite's mark is past the highest id left.
      #expect(jobMark > maxJob)
      #expect(try await PostgresImport.run(from: source, to: storage).isVerified)

      let store = try await OrganizationStore.open(postgres: storage, organizationID: made.reseller)
      let (order, job, notification) = try await store.write { tx in
        (
          try tx.createOrder(simpleOrder(account: made.customer), now: t0),
          try tx.enqueueJob(kind: "test", subject: "after-migration", dueAt: t0, now: t0),
          try tx.appendNotification(
            NewNotification(
              type: .subscriptionChanged, time: t0, subject: .subscription("SUB-000001"), accountID: nil,
              text: "after the migration"))
        )
      }
      #expect(order.number.rawValue > lastNumber)
      #expect(order.number.rawValue == Self.next(lastNumber))
      #expect(job.rawValue == jobMark + 1)
      #expect(notification.position == lastPosition + 1)
      let rowid = try await storage.transaction(.read) { session in
        try session.values(
          native: "SELECT rowid FROM \(try PostgresSchema.organizationSchema(made.reseller)).orders WHERE id = $1",
          [order.id.rawValue.databaseValue])
      }
      #expect(rowid.rows.first?.first == (lastRowid + 1).databaseValue)
      // The next outbox entry gets a sequence the parent has not seen (its inbox ignores one it has).
      let schema = try PostgresSchema.organizationSchema(made.reseller)
      let outboxSequence = try await storage.transaction(.read) { session in
        let name = try session.values(native: "SELECT pg_get_serial_sequence('\(schema).backorderoutbox', 'sequence')")
        let sequence = try #require(name.rows.first.flatMap { String.fromDatabaseValue($0[0]) })
        return try session.values(native: "SELECT last_value FROM \(sequence)").rows.first?.first
      }
      #expect(outboxSequence == outboxMark.databaseValue)
    }
  }

  @Test("a column only the SQLite file has stops the migration of that organization, naming the column")
  func schemaMismatch() async throws {
    try await Self.withSourceAndTarget { source, made, storage in
      try Self.alter(source.organizationURL(made.country), "ALTER TABLE accounts ADD COLUMN nickname TEXT")
      await #expect {
        try await PostgresImport.run(from: source, to: storage)
      } throws: { error in
        guard case .schemaMismatch(let database, let problems) = error as? PostgresImport.Failure else { return false }
        return database.contains(made.country.rawValue)
          && problems == ["column accounts.nickname is only in the SQLite file"]
      }
      // Nothing of that organization was copied.
      let schemas = try await storage.transaction(.read) { session in try PostgresImport.existingSchemas(session) }
      #expect(!schemas.contains(try PostgresSchema.organizationSchema(made.country)))
    }
  }

  static func alter(_ url: URL, _ statement: String) throws {
    let queue = try DatabaseQueue(path: url.path)
    defer { try? queue.close() }
    try queue.write { db in try db.execute(sql: statement) }
  }

  /// `SO-000007` after `SO-000006`.
  static func next(_ number: String) -> String {
    let digits = number.drop { !$0.isNumber }
    let next = String(Int(digits)! + 1)
    return number.dropLast(digits.count) + String(repeating: "0", count: max(0, digits.count - next.count)) + next
  }
}

/// The reports `copied` was told of, in order.
private final class Copied: Sendable {
  private let list = Mutex<[PostgresImport.DatabaseReport]>([])
  func append(_ report: PostgresImport.DatabaseReport) { list.withLock { $0.append(report) } }
  var reports: [PostgresImport.DatabaseReport] { list.withLock { $0 } }
}

/// How the comparison tells values apart: by storage class and by bytes.
@Suite("Comparing copied values")
struct ImportValueComparisonTests {
  @Test("an integer is not a real, and text is compared byte for byte (no Unicode equivalence)")
  func strict() {
    #expect(ImportTable.same(1.databaseValue, 1.databaseValue))
    #expect(!ImportTable.same(1.databaseValue, 1.0.databaseValue))
    #expect(!ImportTable.same("1".databaseValue, 1.databaseValue))
    #expect(!ImportTable.same("\u{e9}".databaseValue, "e\u{301}".databaseValue))
    #expect(ImportTable.same(Data([1, 2]).databaseValue, Data([1, 2]).databaseValue))
    #expect(!ImportTable.same(Data().databaseValue, DatabaseValue.null))
    #expect(ImportTable.same(DatabaseValue.null, DatabaseValue.null))
  }
}

extension String {
  /// An id from the API as the storage's organization id.
  fileprivate var organizationID: OrganizationID { OrganizationID(self) }
}
