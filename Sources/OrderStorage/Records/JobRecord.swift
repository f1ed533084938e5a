import Foundation
import GRDB
import OrderDomain

/// A row of `jobs`: one unit of the organization's background work.
struct JobRecord: FetchableRecord, AutoKeyedRecord {
  static let databaseTableName = "jobs"
  static let autoKeyColumn = "id"

  /// Assigned by SQLite on insert (AUTOINCREMENT).
  var id: Int64?
  var kind: String
  var subject: String
  var dueAt: Date
  var attempts: Int
  var lastError: String?
  var createdAt: Date

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  var autoKey: Int64? {
    get { id }
    set { id = newValue }
  }

  func job() throws -> Job {
    guard let id else { throw DomainError.internalError("a stored job has no id") }
    return Job(
      id: JobID(id), kind: kind, subject: subject, dueAt: dueAt, attempts: attempts, lastError: lastError,
      createdAt: createdAt)
  }
}

extension JobRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    id = try row.decodeIfPresent("id")
    kind = try row.decode("kind")
    subject = try row.decode("subject")
    dueAt = try row.decode("dueAt")
    attempts = try row.decode("attempts")
    lastError = try row.decodeIfPresent("lastError")
    createdAt = try row.decode("createdAt")
  }

  func encode(to container: inout PersistenceContainer) {
    container["id"] = id
    container["kind"] = kind
    container["subject"] = subject
    container["dueAt"] = dueAt
    container["attempts"] = attempts
    container["lastError"] = lastError
    container["createdAt"] = createdAt
  }
}
