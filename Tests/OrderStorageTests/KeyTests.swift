import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Registry: API keys", .timeLimit(.minutes(5)))
struct KeyTests {
  @Test("T3: keys are hashed at rest; the plaintext never appears in the registry files", .sqliteOnly)
  func hashedAtRest() async throws {
    try await withRegistry { registry, temporary in
      let boot = try await registry.bootstrap(now: t0)
      let rootKey = try #require(boot.rootAdminKey)
      let other = try await registry.createKey(organization: boot.root.id, role: .admin, accountID: nil, now: t0)
      let bytes = try temporary.allBytes()
      for key in [rootKey, other] {
        let secret = try #require(key.plaintext.split(separator: "_").last)
        #expect(key.plaintext.hasPrefix("odk_\(key.record.id)_"))
        #expect(secret.count == 64)  // 256 bits, hex
        #expect(bytes.range(of: Data(secret.utf8)) == nil)
      }
      #expect(try await registry.authenticate(presentedKey: rootKey.plaintext)?.organizationID == boot.root.id)
    }
  }

  @Test("T3: a revoked key fails at once, even right after a cached success")
  func revokedKeysFail() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let key = try await registry.createKey(organization: root.id, role: .admin, accountID: nil, now: t0)
      #expect(try await registry.authenticate(presentedKey: key.plaintext) != nil)
      #expect(try await registry.authenticate(presentedKey: key.plaintext) != nil)  // cached
      let revoked = try await registry.revokeKey(id: key.record.id, organization: root.id, now: t0)
      #expect(revoked.isRevoked)
      #expect(try await registry.authenticate(presentedKey: key.plaintext) == nil)
      let listed = try await registry.keys(organization: root.id)
      #expect(listed.first { $0.id == key.record.id }?.revokedAt == t0)
    }
  }

  @Test("T3: wrong, malformed and unknown keys do not authenticate")
  func wrongKeysFail() async throws {
    try await withRegistry { registry, _ in
      let key = try #require(try await registry.bootstrap(now: t0).rootAdminKey)
      _ = try await registry.authenticate(presentedKey: key.plaintext)  // warm the cache
      let wrongSecret = "odk_\(key.record.id)_" + String(repeating: "0", count: 64)
      for presented in [wrongSecret, "", "odk__", "odk_unknown_abc", "nonsense", key.plaintext + "x"] {
        #expect(try await registry.authenticate(presentedKey: presented) == nil)
      }
    }
  }

  @Test("T3: storefront keys carry their account; admin keys carry none")
  func storefrontKeysCarryAccount() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let key = try await registry.createKey(organization: root.id, role: .storefront, accountID: "ACC-000007", now: t0)
      let principal = try #require(try await registry.authenticate(presentedKey: key.plaintext))
      #expect(principal.role == .storefront)
      #expect(principal.accountID == "ACC-000007")
      #expect(principal.keyID == key.record.id)
      #expect(principal.canSee(accountID: "ACC-000007"))
      #expect(!principal.canSee(accountID: "ACC-000008"))
      await #expect(throws: DomainError.self) {
        _ = try await registry.createKey(organization: root.id, role: .storefront, accountID: nil, now: t0)
      }
      await #expect(throws: DomainError.self) {
        _ = try await registry.createKey(organization: root.id, role: .admin, accountID: "ACC-000001", now: t0)
      }
    }
  }

  @Test("T6: revoking another organization's key answers notFound and changes nothing")
  func revokeOtherOrganizationsKey() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let (tenant, tenantKey) = try await registry.createOrganization(
        name: "T", kind: .tenant, parent: root.id, now: t0)
      let error = await #expect(throws: DomainError.self) {
        try await registry.revokeKey(id: tenantKey.record.id, organization: root.id, now: t0)
      }
      #expect(error?.code == .notFound)
      #expect(try await registry.authenticate(presentedKey: tenantKey.plaintext)?.organizationID == tenant.id)
    }
  }
}
