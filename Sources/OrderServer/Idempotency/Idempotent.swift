import Foundation
import GRPCCore
import Metrics
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Makes a mutating call safe to retry: with an `idempotency-key`, the first outcome is
/// stored in the same transaction as the work, and a repeat returns it without doing the
/// work again. The same key with a different request is refused.
///
/// Outcomes are stored sealed under the idempotency key (see `OutcomeSeal` in OrderStorage),
/// so the key is what protects a stored API key secret: methods whose answer carries one
/// refuse short keys.
enum Idempotency {
  /// Methods whose answer carries an API key's secret.
  static let secretMethods: Set<String> = [
    Orders_V1_KeyService.Method.CreateKey.descriptor.fullyQualifiedMethod,
    Orders_V1_OrganizationService.Method.CreateOrganization.descriptor.fullyQualifiedMethod,
  ]

  /// The call's idempotency key, if it sent one.
  ///
  /// - Throws: `INVALID_ARGUMENT` when the method's answer carries a secret and the key is
  ///   shorter than `minimumSecretIdempotencyKeyLength`, before anything is done.
  static func key(of call: CallContext) throws -> String? {
    guard let key = call.idempotencyKey else { return nil }
    let minimum = OrganizationTransaction.minimumSecretIdempotencyKeyLength
    if Self.secretMethods.contains(call.method), key.utf8.count < minimum {
      let name = call.method.split(separator: "/").last.map(String.init) ?? call.method
      throw DomainError.invalidArgument(
        "an idempotency key for \(name) must have at least \(minimum) bytes, as its answer carries a secret; use a random UUID"
      )
    }
    return key
  }

  /// The call's idempotency key with its method and request fingerprint, if it sent a key.
  ///
  /// - Throws: as ``key(of:)``.
  static func claim(of call: CallContext, request: some SwiftProtobuf.Message) throws -> IdempotencyClaim? {
    guard let key = try Self.key(of: call) else { return nil }
    return IdempotencyClaim(
      key: key, method: call.method, requestHash: try Self.fingerprint(method: call.method, request: request))
  }

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
  ///
  /// `replays` counts the calls answered with a stored outcome.
  func idempotentWrite<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext,
    request: some SwiftProtobuf.Message,
    now: Date,
    replays: Counter? = nil,
    _ body: @Sendable @escaping (OrganizationTransaction) throws -> Response
  ) async throws -> Response {
    guard let key = try Idempotency.key(of: call) else {
      return try await self.write(body)
    }
    let fingerprint = try Idempotency.fingerprint(method: call.method, request: request)
    let method = call.method
    let (response, replayed) = try await self.write { tx in
      if let stored = try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint) {
        return (try Response(serializedBytes: stored.response), true)
      }
      let response = try body(tx)
      // Outcomes older than the retention go in the same transaction (indexed by time).
      // Retention is about network retries, which happen in real time: the wall clock, not
      // the server's (possibly simulated, advanced by days) business clock.
      try tx.purgeIdempotency(now: Date())
      try tx.recordOutcome(
        key: key, method: method, requestHash: fingerprint, response: try response.serializedBytes() as Data,
        now: Date())
      return (response, false)
    }
    if replayed { replays?.increment() }
    return response
  }
}

extension OrganizationStore {
  /// Idempotency for registry work whose repeat is harmless (`RevokeKey`: revoking a revoked
  /// key changes nothing): the outcome is looked up before and recorded after `perform`, so a
  /// crash between the two repeats `perform` once on retry. Work that makes something
  /// (`CreateKey`, `CreateOrganization`) is recorded in the registry instead, exactly once;
  /// see `OrganizationCreation` and docs/decisions.md. When a concurrent repeat recorded its
  /// outcome first, that outcome is returned, so every repeat answers the same.
  func idempotentCall<Response: SwiftProtobuf.Message & Sendable>(
    _ call: CallContext,
    request: some SwiftProtobuf.Message,
    now: Date,
    replays: Counter? = nil,
    _ perform: () async throws -> Response
  ) async throws -> Response {
    guard let key = try Idempotency.key(of: call) else { return try await perform() }
    let fingerprint = try Idempotency.fingerprint(method: call.method, request: request)
    let method = call.method
    let stored = try await self.read { tx in
      try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint)
    }
    if let stored {
      replays?.increment()
      return try Response(serializedBytes: stored.response)
    }
    let response = try await perform()
    let bytes: Data = try response.serializedBytes()
    let first = try await self.write { tx in
      if let first = try tx.idempotentOutcome(key: key, method: method, requestHash: fingerprint) {
        return first.response
      }
      try tx.recordOutcome(key: key, method: method, requestHash: fingerprint, response: bytes, now: Date())
      return bytes
    }
    return first == bytes ? response : try Response(serializedBytes: first)
  }
}
