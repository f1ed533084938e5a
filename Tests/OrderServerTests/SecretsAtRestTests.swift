import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 9: API key secrets are stored only as hashes; the idempotency outcome of a call that
/// issued one is sealed under the client's idempotency key, so a copy of the data directory
/// does not reveal it and a replay still answers the same key.
@Suite("API key secrets at rest", .sqliteOnly, .timeLimit(.minutes(2)))
struct SecretsAtRestTests {
  static let keyRequest = Orders_V1_CreateKeyRequest.with { $0.role = .admin }
  static let organizationRequest = Orders_V1_CreateOrganizationRequest.with {
    $0.name = "Sealed"
    $0.kind = .tenant
  }

  @Test(
    "T3: the secrets of CreateKey and CreateOrganization are in no file of the data directory; replays answer the same secrets, also after a restart"
  )
  func secretsNotAtRestAndReplayed() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let keyCall = UUID().uuidString
    let organizationCall = UUID().uuidString
    let (key, organization) = try await TestOrderd.with(dataDirectory: directory) { orderd in
      let key = try await orderd.root.keys.createKey(
        Self.keyRequest, metadata: orderd.root.metadata(idempotencyKey: keyCall))
      let organization = try await orderd.root.organizations.createOrganization(
        Self.organizationRequest, metadata: orderd.root.metadata(idempotencyKey: organizationCall))
      // The files as they are while the server runs, WAL included.
      let hits = try SecretScan.hits(of: Self.forms(key, organization), under: directory)
      #expect(hits.isEmpty, "secrets in the data directory: \(hits)")
      let again = try await orderd.root.keys.createKey(
        Self.keyRequest, metadata: orderd.root.metadata(idempotencyKey: keyCall))
      #expect(again == key)
      return (key, organization)
    }
    let hitsAfterStop = try SecretScan.hits(of: Self.forms(key, organization), under: directory)
    #expect(hitsAfterStop.isEmpty, "secrets in the data directory: \(hitsAfterStop)")

    try await TestOrderd.with(dataDirectory: directory) { orderd in
      let key2 = try await orderd.root.keys.createKey(
        Self.keyRequest, metadata: orderd.root.metadata(idempotencyKey: keyCall))
      let organization2 = try await orderd.root.organizations.createOrganization(
        Self.organizationRequest, metadata: orderd.root.metadata(idempotencyKey: organizationCall))
      #expect(key2.secret == key.secret && key2 == key)
      #expect(organization2.adminKey.secret == organization.adminKey.secret && organization2 == organization)
      // The replayed keys work, and the replays made no second key or child.
      let holder = orderd.caller(key.secret)
      #expect(try await holder.keys.listKeys(.init(), metadata: holder.metadata()).keys.count == 2)
      let tenant = orderd.caller(organization.adminKey.secret)
      #expect(
        try await tenant.organizations.listOrganizations(.init(), metadata: tenant.metadata()).own.id
          == organization.organization.id)
      let children = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(children.children.count == 1)
      // The same key with another request is still refused.
      let account = try await orderd.root.createAccount("Shop")
      let storefront = Orders_V1_CreateKeyRequest.with {
        $0.role = .storefront
        $0.accountID = account.id
      }
      let error = await #expect(throws: RPCError.self) {
        _ = try await orderd.root.keys.createKey(storefront, metadata: orderd.root.metadata(idempotencyKey: keyCall))
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("already used for a different request") == true)
    }
    let hitsAfterRestart = try SecretScan.hits(of: Self.forms(key, organization), under: directory)
    #expect(hitsAfterRestart.isEmpty, "secrets in the data directory: \(hitsAfterRestart)")
  }

  @Test(
    "T3: a short idempotency key for CreateKey or CreateOrganization is refused with INVALID_ARGUMENT and creates nothing"
  )
  func shortKeysRefused() async throws {
    try await TestOrderd.with { orderd in
      let short = "retry-1"
      let keyError = await #expect(throws: RPCError.self) {
        _ = try await orderd.root.keys.createKey(Self.keyRequest, metadata: orderd.root.metadata(idempotencyKey: short))
      }
      #expect(keyError?.code == .invalidArgument)
      #expect(keyError?.message.contains("CreateKey must have at least 16 bytes") == true)
      #expect(keyError?.message.contains("random UUID") == true)
      let organizationError = await #expect(throws: RPCError.self) {
        _ = try await orderd.root.organizations.createOrganization(
          Self.organizationRequest, metadata: orderd.root.metadata(idempotencyKey: short))
      }
      #expect(organizationError?.code == .invalidArgument)
      #expect(try await orderd.root.keys.listKeys(.init(), metadata: orderd.root.metadata()).keys.count == 1)
      let listing = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(listing.children.isEmpty)
      // Other methods keep accepting short keys, and a call without a key is not refused.
      _ = try await orderd.root.accounts.createAccount(
        .with { $0.name = "Short" }, metadata: orderd.root.metadata(idempotencyKey: short))
      _ = try await orderd.root.keys.createKey(Self.keyRequest, metadata: orderd.root.metadata())
    }
  }

  static func forms(_ key: Orders_V1_IssuedKey, _ organization: Orders_V1_CreateOrganizationResponse)
    -> [SecretScan.Form]
  {
    SecretScan.forms(ofKey: key.secret) + SecretScan.forms(ofKey: organization.adminKey.secret)
  }
}
