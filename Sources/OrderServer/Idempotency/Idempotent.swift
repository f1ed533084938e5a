import Foundation
import GRPCCore
import OrderDomain
import OrderStorage
import SwiftProtobuf

/// Makes a mutating call safe to retry: with an `idempotency-key`, the first outcome is
/// stored in the same transaction as the work, and a repeat returns it without doing the
/// work again. The same key with a different request is refused.
enum Idempotency {
  /// A fingerprint of the method and the request's bytes.
  static func fingerprint(method: String, request: some SwiftProtobuf.Message) throws -> Data {
    var bytes = Data(method.utf8)
    bytes.append(0)
    bytes.append(try request.serializedBytes() as Data)
    return RequestHash.sha256(bytes)
  }
}

extension OrganizationStore {
  /// Runs `body` in one write transaction, exactly once per idempotency key.
  func idempotentWrite<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext,
    request: some SwiftProtobuf.Message,
    now: Date,
    _ body: @Sendable @escaping (OrganizationTransaction) throws -> Response
  ) async throws -> Response {
    guard let key = call.idempotencyKey else {
      return try await self.write(body)
    }
    let fingerprint = try Idempotency.fingerprint(method: call.method, request: request)
    let method = call.method
    return try await self.write { tx in
      if let stored = try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint) {
        return try Response(serializedBytes: stored.response)
      }
      let response = try body(tx)
      // Outcomes older than the retention go in the same transaction (indexed by time).
      try tx.purgeIdempotency(now: now)
      try tx.recordOutcome(
        key: key, method: method, requestHash: fingerprint, response: try response.serializedBytes() as Data, now: now)
      return response
    }
  }
}

extension OrganizationStore {
  /// Idempotency for work done outside this organization's database (the registry):
  /// the outcome is looked up before and recorded after `perform`. A crash between the two
  /// can repeat the work once on retry; see docs/decisions.md.
  func idempotentCall<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext,
    request: some SwiftProtobuf.Message,
    now: Date,
    _ perform: () async throws -> Response
  ) async throws -> Response {
    guard let key = call.idempotencyKey else { return try await perform() }
    let fingerprint = try Idempotency.fingerprint(method: call.method, request: request)
    let method = call.method
    let stored = try await self.read { tx in
      try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint)
    }
    if let stored { return try Response(serializedBytes: stored.response) }
    let response = try await perform()
    let bytes: Data = try response.serializedBytes()
    try await self.write { tx in
      if try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint) == nil {
        try tx.recordOutcome(key: key, method: method, requestHash: fingerprint, response: bytes, now: now)
      }
    }
    return response
  }
}
