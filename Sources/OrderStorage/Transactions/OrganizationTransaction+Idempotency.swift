import Crypto
import Foundation
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

  /// The shortest idempotency key accepted for a method whose answer carries a secret (an
  /// API key): its stored outcome is only as hard to open as the key is to guess.
  public static let minimumSecretIdempotencyKeyLength = 16

  /// The outcome stored for `key`, to be returned again instead of redoing the work.
  ///
  /// Outcomes are stored sealed under `key` (``OutcomeSeal``); this opens it.
  /// Call inside the same write transaction as the work and ``recordOutcome(key:method:requestHash:response:now:)``.
  /// - Returns: `nil` when the key is new.
  /// - Throws: `invalidArgument` when the key was used for a different request.
  public func idempotentOutcome(key: String, method: String, requestHash: Data) throws -> StoredOutcome? {
    guard
      let record = try sql.fetchOne(
        IdempotencyOutcomeRecord.self, "SELECT * FROM idempotencyOutcomes WHERE keyHash = ?",
        [OutcomeSeal.lookupHash(of: key)])
    else {
      return nil
    }
    let storedMethod = record.method
    let storedHash = record.requestHash
    // The key itself stays out of the message: errors are logged, and the key opens the outcome.
    guard storedMethod == method, storedHash == requestHash else {
      throw DomainError.invalidArgument(
        "this idempotency key was already used for a different request (method \(storedMethod)); use a new key")
    }
    let response = try OutcomeSeal.open(
      record.sealed, key: key, context: OutcomeSeal.context(method: method, requestHash: requestHash))
    return StoredOutcome(method: storedMethod, response: response, createdAt: record.createdAt)
  }

  /// Stores the outcome of the request made with `key`, sealed under `key`.
  ///
  /// - Throws: `alreadyExists` when the key has an outcome already.
  public func recordOutcome(key: String, method: String, requestHash: Data, response: Data, now: Date) throws {
    guard !key.isEmpty, key.utf8.count <= 256 else {
      throw DomainError.invalidArgument("an idempotency key must have 1 to 256 bytes")
    }
    let keyHash = OutcomeSeal.lookupHash(of: key)
    if try sql.fetchOne(Bool.self, "SELECT 1 FROM idempotencyOutcomes WHERE keyHash = ?", [keyHash]) != nil {
      throw DomainError.alreadyExists("this idempotency key has an outcome already")
    }
    let sealed = try OutcomeSeal.seal(
      response, key: key, context: OutcomeSeal.context(method: method, requestHash: requestHash))
    try sql.insert(
      IdempotencyOutcomeRecord(
        keyHash: keyHash, method: method, requestHash: requestHash, salt: sealed.salt, sealedResponse: sealed.box,
        createdAt: now
      ))
  }

  /// Removes outcomes older than the retention (24 hours); returns how many.
  @discardableResult
  public func purgeIdempotency(now: Date) throws -> Int {
    try sql.execute(
      "DELETE FROM idempotencyOutcomes WHERE createdAt < ?", [now.addingTimeInterval(-Self.idempotencyRetention)])
  }
}
