import Crypto
import Foundation
import GRDB
import OrderDomain

/// A response stored for an idempotency key.
public struct StoredOutcome: Hashable, Sendable {
  public var method: String
  /// The serialized response returned the first time.
  public var response: Data
  public var createdAt: Date
}

/// Request fingerprints for idempotency.
public enum RequestHash {
  /// The SHA-256 of a request's serialized bytes.
  public static func sha256(_ request: Data) -> Data { Data(SHA256.hash(data: request)) }
}

extension OrganizationTransaction {
  /// How long stored outcomes are kept at least.
  public static let idempotencyRetention: TimeInterval = 24 * 60 * 60

  /// The outcome stored for `key`, to be returned again instead of redoing the work.
  ///
  /// Call inside the same write transaction as the work and ``recordOutcome(key:method:requestHash:response:now:)``.
  /// - Returns: `nil` when the key is new.
  /// - Throws: `invalidArgument` when the key was used for a different request.
  public func idempotentOutcome(key: String, method: String, requestHash: Data) throws -> StoredOutcome? {
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT * FROM idempotency WHERE key = ?"), arguments: [key])
    else {
      return nil
    }
    let storedMethod: String = try row.decode("method")
    let storedHash: Data = try row.decode("requestHash")
    guard storedMethod == method, storedHash == requestHash else {
      throw DomainError.invalidArgument(
        "idempotency key \(key) was already used for a different request (method \(storedMethod)); use a new key")
    }
    return StoredOutcome(
      method: storedMethod, response: try row.decode("response"), createdAt: try row.decode("createdAt"))
  }

  /// Stores the outcome of the request made with `key`.
  ///
  /// - Throws: `alreadyExists` when the key has an outcome already.
  public func recordOutcome(key: String, method: String, requestHash: Data, response: Data, now: Date) throws {
    guard !key.isEmpty, key.utf8.count <= 256 else {
      throw DomainError.invalidArgument("an idempotency key must have 1 to 256 bytes")
    }
    if try Bool.fetchOne(try db.cachedStatement(sql: "SELECT 1 FROM idempotency WHERE key = ?"), arguments: [key])
      != nil
    {
      throw DomainError.alreadyExists("idempotency key \(key) has an outcome already")
    }
    try db.cachedStatement(
      sql: "INSERT INTO idempotency (key, method, requestHash, response, createdAt) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [key, method, requestHash, response, now])
  }

  /// Removes outcomes older than the retention (24 hours); returns how many.
  @discardableResult
  public func purgeIdempotency(now: Date) throws -> Int {
    try db.cachedStatement(sql: "DELETE FROM idempotency WHERE createdAt < ?").execute(arguments: [
      now.addingTimeInterval(-Self.idempotencyRetention)
    ])
    return db.changesCount
  }
}
