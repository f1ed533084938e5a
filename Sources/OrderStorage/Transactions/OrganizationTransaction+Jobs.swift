import Foundation
import OrderDomain

/// Identifies a job of an organization's queue.
public struct JobID: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let rawValue: Int64
  public init(_ rawValue: Int64) { self.rawValue = rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { "job \(rawValue)" }
}

/// A unit of the server's background work in one organization, due at a time.
public struct Job: Hashable, Sendable {
  public var id: JobID
  /// What the job does; the service layer names the kinds (e.g. `executeScheduledOrder`).
  public var kind: String
  /// What it is about, e.g. an order or asset id.
  public var subject: String
  public var dueAt: Date
  /// Failed attempts so far.
  public var attempts: Int
  public var lastError: String?
  public var createdAt: Date

  public init(
    id: JobID, kind: String, subject: String, dueAt: Date, attempts: Int, lastError: String?, createdAt: Date
  ) {
    self.id = id
    self.kind = kind
    self.subject = subject
    self.dueAt = dueAt
    self.attempts = attempts
    self.lastError = lastError
    self.createdAt = createdAt
  }
}

extension OrganizationTransaction {
  /// Adds a job to the organization's queue. Run it and ``deleteJob(_:)`` in one
  /// transaction so it happens exactly once.
  @discardableResult
  public func enqueueJob(kind: String, subject: String, dueAt: Date, now: Date) throws -> JobID {
    var record = JobRecord(
      id: nil, kind: kind, subject: subject, dueAt: dueAt, attempts: 0, lastError: nil, createdAt: now)
    try sql.insert(&record)
    guard let id = record.id else { throw DomainError.internalError("the job was not enqueued") }
    sql.onCommit(.jobDue(dueAt))
    return JobID(id)
  }

  /// Jobs due at or before `date`, earliest first (ties in creation order).
  public func dueJobs(by date: Date, limit: Int = 100) throws -> [Job] {
    try sql.fetchAll(
      JobRecord.self, "SELECT * FROM jobs WHERE dueAt <= ? ORDER BY dueAt, id LIMIT ?", [date, max(0, limit)]
    ).map { try $0.job() }
  }

  /// Due jobs of the given kinds only, earliest first: lets a runner find a job of one kind
  /// (the relay, say) behind thousands of others due at the same time.
  public func dueJobs(by date: Date, kinds: Set<String>, limit: Int) throws -> [Job] {
    guard !kinds.isEmpty else { return [] }
    let placeholders = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
    var arguments = SQLArguments(kinds.sorted())
    arguments += [date, max(0, limit)]
    return try sql.fetchAll(
      JobRecord.self, "SELECT * FROM jobs WHERE kind IN (\(placeholders)) AND dueAt <= ? ORDER BY dueAt, id LIMIT ?",
      arguments
    ).map { try $0.job() }
  }

  /// The jobs of a kind about a subject (e.g. to avoid enqueuing a duplicate).
  public func jobs(kind: String, subject: String) throws -> [Job] {
    try sql.fetchAll(
      JobRecord.self, "SELECT * FROM jobs WHERE kind = ? AND subject = ? ORDER BY dueAt, id", [kind, subject]
    ).map { try $0.job() }
  }

  /// The job, or `nil` when it does not exist (any more).
  public func job(_ id: JobID) throws -> Job? {
    try sql.fetchOne(JobRecord.self, "SELECT * FROM jobs WHERE id = ?", [id.rawValue])?.job()
  }

  /// Removes a job; `false` when it was gone already.
  @discardableResult
  public func deleteJob(_ id: JobID) throws -> Bool {
    try sql.execute("DELETE FROM jobs WHERE id = ?", [id.rawValue]) == 1
  }

  /// Records a failed attempt and moves the job to `dueAt`.
  ///
  /// - Throws: `notFound` when the job does not exist.
  public func rescheduleJob(_ id: JobID, dueAt: Date, error: String?) throws {
    let changed = try sql.execute(
      "UPDATE jobs SET dueAt = ?, attempts = attempts + 1, lastError = ? WHERE id = ?", [dueAt, error, id.rawValue])
    guard changed == 1 else { throw DomainError.notFound("\(id) not found") }
    sql.onCommit(.jobDue(dueAt))
  }

  /// When the earliest job is due; `nil` when the queue is empty (for the registry's wakeup).
  public func nextJobDueAt() throws -> Date? {
    try sql.fetchOne(Date.self, "SELECT dueAt FROM jobs ORDER BY dueAt, id LIMIT 1")
  }
}

extension OrganizationTransaction {
  /// Runs `body` in a savepoint: when it throws, only its own changes roll back (the rest of
  /// the transaction stays) and the error is rethrown.
  public func savepoint<T>(_ body: () throws -> T) throws -> T {
    try sql.savepoint(body)
  }
}
