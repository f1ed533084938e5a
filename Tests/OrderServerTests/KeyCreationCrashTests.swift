import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderServer
import OrderStorage
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 10: `CreateKey` with an idempotency key records the key and its outcome in one
/// registry transaction, so an answer lost to a crash is answered again, secret included,
/// and no second key is made.
@Suite("Creating keys exactly once", .timeLimit(.minutes(2)))
struct KeyCreationCrashTests {
  typealias Checks = ExactlyOnceChecks

  static let request = Orders_V1_CreateKeyRequest.with { $0.role = .admin }

  @Test(
    "T3: after a crash once CreateKey's work is done, retries (also after a restart) answer the same key; no second key"
  )
  func retryAnswersSameKey() async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    let key = try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: .operationDone)) { orderd in
      await #expect(throws: (any Error).self) {
        _ = try await orderd.root.keys.createKey(Self.request, metadata: orderd.root.metadata(idempotencyKey: call))
      }
      let key = try await orderd.root.keys.createKey(Self.request, metadata: orderd.root.metadata(idempotencyKey: call))
      #expect(try await orderd.root.keys.listKeys(.init(), metadata: orderd.root.metadata()).keys.count == 2)
      return key
    }
    try Checks.expectNoSecrets([key.secret], under: directory)
    try await TestOrderd.with(dataDirectory: directory) { orderd in
      let again = try await orderd.root.keys.createKey(
        Self.request, metadata: orderd.root.metadata(idempotencyKey: call))
      #expect(again == key)
      let holder = orderd.caller(key.secret)
      #expect(try await holder.keys.listKeys(.init(), metadata: holder.metadata()).keys.count == 2)
      // The same key with another request is still refused.
      let account = try await orderd.root.createAccount("Shop")
      let storefront = Orders_V1_CreateKeyRequest.with {
        $0.role = .storefront
        $0.accountID = account.id
      }
      let error = await #expect(throws: RPCError.self) {
        _ = try await orderd.root.keys.createKey(storefront, metadata: orderd.root.metadata(idempotencyKey: call))
      }
      #expect(error?.code == .invalidArgument)
    }
    try Checks.expectNoSecrets([key.secret], under: directory)
  }

  @Test(
    "T3: an answer stored in the organization's file before issue 10 is still answered to a retry, and its key is not reused for other work"
  )
  func outcomeFromBeforeTheUpgrade() async throws {
    try await TestOrderd.with { orderd in
      let call = UUID().uuidString
      let method = Orders_V1_KeyService.Method.CreateKey.descriptor.fullyQualifiedMethod
      // What the server stored for CreateKey before issue 10: the outcome in the caller's file.
      let earlier = try await orderd.root.keys.createKey(Self.request, metadata: orderd.root.metadata())
      var fingerprint = Data(method.utf8)
      fingerprint.append(0)
      fingerprint.append(try Self.request.serializedBytes() as Data)
      let requestHash = RequestHash.sha256(fingerprint)
      let response: Data = try earlier.serializedBytes()
      try await orderd.application.databases.withStore(orderd.application.rootOrganization.id) { store in
        try await store.write { tx in
          try tx.recordOutcome(
            key: call, method: method, requestHash: requestHash, response: response, now: TestOrderd.start)
        }
      }
      let retry = try await orderd.root.keys.createKey(
        Self.request, metadata: orderd.root.metadata(idempotencyKey: call))
      #expect(retry == earlier)
      #expect(try await orderd.root.keys.listKeys(.init(), metadata: orderd.root.metadata()).keys.count == 2)
      let error = await #expect(throws: RPCError.self) {
        _ = try await Checks.createOrganization(orderd, idempotencyKey: call)
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("already used for a different request") == true)
    }
  }
}
