import Foundation
import GRDB
import OrderDomain

/// A row of `jobs`: one unit of the organization's background work.
struct JobRecord: Codable, FetchableRecord, MutablePersistableRecord {
  static let databaseTableName = "jobs"

  /// Assigned by SQLite on insert (AUTOINCREMENT).
  var id: Int64?
  var kind: String
  var subject: String
  var dueAt: Date
  var attempts: Int
  var lastError: String?
  var createdAt: Date

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  func job() throws -> Job {
    guard let id else { throw DomainError.internalError("a stored job has no id") }
    return Job(
      id: JobID(id), kind: kind, subject: subject, dueAt: dueAt, attempts: attempts, lastError: lastError,
      createdAt: createdAt)
  }
}
