import BenchSupport
import Foundation
import GRDB

/// SQLite's own ceiling on this disk: one connection, WAL, `synchronous=FULL`, one
/// transaction per commit writing the rows a scheduled `PlaceOrder` writes in orderd (the
/// order number's counter, the order, its line, its first status, its notification, its job,
/// and the sealed idempotency outcome), through bare GRDB with cached statements.
///
/// The file lives beside orderd's data directory (the system's temporary folder), so both
/// write to the same disk.
enum SQLiteCeiling {
  static func measure(duration: Duration, warmUp: Duration) throws -> LoopResult {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("server-bench-ceiling-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let queue = try DatabaseQueue(path: directory.appendingPathComponent("ceiling.sqlite").path)
    try queue.writeWithoutTransaction { db in
      _ = try db.execute(sql: "PRAGMA journal_mode = WAL")
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.execute(sql: Self.schema)
    }
    var sequence = 0
    let clock = ContinuousClock()
    func loop(for duration: Duration, recording: Bool) throws -> LatencySamples {
      var samples = LatencySamples(reservingCapacity: 1 << 15)
      let deadline = clock.now + duration
      while clock.now < deadline {
        let start = clock.now
        sequence += 1
        try queue.write { db in try Self.insertOrder(db, sequence: sequence) }
        if recording { samples.record(clock.now - start) }
      }
      return samples
    }
    _ = try loop(for: warmUp, recording: false)
    let cpuBefore = CPUTime.used()
    let start = clock.now
    let samples = try loop(for: duration, recording: true)
    return LoopResult(elapsed: clock.now - start, cpu: CPUTime.used() - cpuBefore, latencies: samples)
  }

  private static func insertOrder(_ db: Database, sequence: Int) throws {
    let orderID = UUID().uuidString
    let now = Date()
    let number =
      try Int.fetchOne(
        db,
        sql: """
          INSERT INTO sequences (name, value) VALUES ('order', 1)
          ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value
          """) ?? 0
    try db.cachedStatement(
      sql: """
        INSERT INTO orders (id, number, type, status, accountID, createdAt, createdBy, totalMinor, currency,
          scheduledFor, subscriptionID) VALUES (?, ?, 'sales', 'scheduled', ?, ?, ?, 3000, 'USD', ?, NULL)
        """
    ).execute(arguments: [orderID, String(format: "SO-%06d", number), "account-1", now, "key:admin", now])
    try db.cachedStatement(
      sql: """
        INSERT INTO order_lines (orderID, position, sku, quantity, unitPriceMinor, amountMinor, billingCycle, term)
        VALUES (?, 0, 'BENCH-SUB', 3, 1000, 3000, 'monthly', 'P1M')
        """
    ).execute(arguments: [orderID])
    try db.cachedStatement(
      sql: "INSERT INTO order_status_changes (orderID, status, at, reason) VALUES (?, 'scheduled', ?, ?)"
    ).execute(arguments: [orderID, now, "scheduled for 2027-01-15"])
    try db.cachedStatement(
      sql: "INSERT INTO notifications (kind, subjectID, at, detail) VALUES ('orderCreated', ?, ?, ?)"
    ).execute(arguments: [orderID, now, "SO-\(number)"])
    try db.cachedStatement(
      sql: "INSERT INTO jobs (kind, subject, dueAt, attempts, createdAt) VALUES ('executeScheduledOrder', ?, ?, 0, ?)"
    ).execute(arguments: [orderID, now, now])
    try db.cachedStatement(
      sql: "INSERT INTO idempotency_outcomes (lookupHash, method, salt, box, createdAt) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [
      Data(repeating: UInt8(truncatingIfNeeded: sequence), count: 32) + Data("\(sequence)".utf8),
      "/orders.v1.OrderService/PlaceOrder", Data(count: 16), Data(count: 320), now,
    ])
  }

  private static let schema = """
    CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE orders (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
      status TEXT NOT NULL, accountID TEXT NOT NULL, createdAt DATETIME NOT NULL, createdBy TEXT NOT NULL,
      totalMinor INTEGER NOT NULL, currency TEXT NOT NULL, scheduledFor DATETIME, subscriptionID TEXT);
    CREATE INDEX orders_account ON orders (accountID, createdAt);
    CREATE INDEX orders_status ON orders (status);
    CREATE TABLE order_lines (orderID TEXT NOT NULL REFERENCES orders(id), position INTEGER NOT NULL,
      sku TEXT NOT NULL, quantity INTEGER NOT NULL, unitPriceMinor INTEGER NOT NULL, amountMinor INTEGER NOT NULL,
      billingCycle TEXT, term TEXT, PRIMARY KEY (orderID, position));
    CREATE TABLE order_status_changes (id INTEGER PRIMARY KEY, orderID TEXT NOT NULL REFERENCES orders(id),
      status TEXT NOT NULL, at DATETIME NOT NULL, reason TEXT);
    CREATE INDEX order_status_changes_order ON order_status_changes (orderID);
    CREATE TABLE notifications (position INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
      subjectID TEXT NOT NULL, at DATETIME NOT NULL, detail TEXT);
    CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, subject TEXT NOT NULL,
      dueAt DATETIME NOT NULL, attempts INTEGER NOT NULL, createdAt DATETIME NOT NULL);
    CREATE INDEX jobs_due ON jobs (dueAt);
    CREATE INDEX jobs_kind_subject ON jobs (kind, subject);
    CREATE TABLE idempotency_outcomes (lookupHash BLOB PRIMARY KEY, method TEXT NOT NULL, salt BLOB NOT NULL,
      box BLOB NOT NULL, createdAt DATETIME NOT NULL);
    PRAGMA foreign_keys = ON;
    """
}
