import Foundation
import GRDB

/// A row of `idempotencyOutcomes`: a response sealed under its idempotency key, found by
/// the key's hash (schema v9; ``OutcomeSeal``).
struct IdempotencyOutcomeRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "idempotencyOutcomes"
  static let primaryKey = ["keyHash"]

  var keyHash: Data
  var method: String
  var requestHash: Data
  var salt: Data
  var sealedResponse: Data
  var createdAt: Date

  var sealed: OutcomeSeal.Sealed { OutcomeSeal.Sealed(salt: salt, box: sealedResponse) }
}
