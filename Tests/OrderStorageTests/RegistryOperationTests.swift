import Foundation
import OrderDomain
import OrderStorage
import Testing

/// Issue 10: registry work is recorded as an operation before it is done, found again by the
/// caller's idempotency key, and finished once.
@Suite("Registry: operations", .timeLimit(.minutes(1)))
struct RegistryOperationTests {
  static func claim(_ key: String = UUID().uuidString, request: UInt8 = 1) -> IdempotencyClaim {
    IdempotencyClaim(key: key, method: "orders.v1.OrganizationService/CreateOrganization", requestHash: Data([request]))
  }

  @Test(
    "T1, T4: an organization's intent holds its ids; the same idempotency key finds it again; finishing it twice creates it once"
  )
  func intentFoundAndFinishedOnce() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let claim = Self.claim()
      let (begun, secret) = try await registry.beginOrganizationCreation(
        name: "Tenant", kind: .tenant, parent: root.id, currency: "EUR", claim: claim, now: t0)
      #expect(begun.state == .pending && begun.kind == .createOrganization && begun.callerID == root.id)
      let organization = try #require(begun.organization)
      #expect(organization.parentID == root.id && organization.currency == "EUR" && organization.parentAccountID == nil)
      #expect(begun.key.organizationID == organization.id && begun.key.role == .admin)
      #expect(secret.hasPrefix("odk_\(begun.key.id)_"))
      // Nothing is visible before the operation is done.
      #expect(try await registry.children(of: root.id).isEmpty)
      #expect(try await registry.authenticate(presentedKey: secret) == nil)
      #expect(try await registry.pendingOperations() == [begun])

      let (again, secretAgain) = try await registry.beginOrganizationCreation(
        name: "Tenant", kind: .tenant, parent: root.id, currency: "EUR", claim: claim, now: t0 + 5)
      #expect(again == begun && secretAgain == secret)

      let done = try await registry.finishOrganizationCreation(begun.id, parentAccountID: "ACC-000003")
      #expect(done.state == .done && done.organization?.parentAccountID == "ACC-000003")
      #expect(try await registry.finishOrganizationCreation(begun.id, parentAccountID: "ACC-000009") == done)
      #expect(try await registry.children(of: root.id) == [try #require(done.organization)])
      #expect(try await registry.authenticate(presentedKey: secret)?.organizationID == organization.id)
      #expect(try await registry.keys(organization: organization.id) == [done.key])
      #expect(try await registry.pendingOperations().isEmpty)

      let (replay, secretReplay) = try await registry.beginOrganizationCreation(
        name: "Tenant", kind: .tenant, parent: root.id, currency: "EUR", claim: claim, now: t0 + 10)
      #expect(replay == done && secretReplay == secret)
    }
  }

  @Test("the same idempotency key with another request is refused; another caller's same key is its own")
  func keysScopedAndChecked() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let key = UUID().uuidString
      let (first, _) = try await registry.beginOrganizationCreation(
        name: "A", kind: .tenant, parent: root.id, currency: "USD", claim: Self.claim(key), now: t0)
      let error = await #expect(throws: DomainError.self) {
        _ = try await registry.beginOrganizationCreation(
          name: "B", kind: .tenant, parent: root.id, currency: "USD", claim: Self.claim(key, request: 2), now: t0)
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("already used for a different request") == true)
      #expect(error?.message.contains(key) == false)
      let keyError = await #expect(throws: DomainError.self) {
        _ = try await registry.createKey(
          organization: root.id, role: .admin, accountID: nil,
          claim: IdempotencyClaim(key: key, method: "orders.v1.KeyService/CreateKey", requestHash: Data([1])), now: t0)
      }
      #expect(keyError?.code == .invalidArgument)

      let other = try await registry.finishOrganizationCreation(first.id, parentAccountID: "ACC-000001")
      let child = try #require(other.organization)
      let (own, _) = try await registry.beginOrganizationCreation(
        name: "A", kind: .tenant, parent: child.id, currency: "USD", claim: Self.claim(key), now: t0)
      #expect(own.id != first.id && own.organization?.id != child.id && own.callerID == child.id)
    }
  }

  @Test("T3: CreateKey under an idempotency key makes one key; the replay answers the same key, secret included")
  func keyOnce() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let claim = IdempotencyClaim(
        key: UUID().uuidString, method: "orders.v1.KeyService/CreateKey", requestHash: Data())
      let key = try await registry.createKey(
        organization: root.id, role: .storefront, accountID: "ACC-000001", claim: claim, now: t0)
      let again = try await registry.createKey(
        organization: root.id, role: .storefront, accountID: "ACC-000001", claim: claim, now: t0 + 60)
      #expect(again == key)
      #expect(try await registry.keys(organization: root.id).filter { $0.role == .storefront } == [key.record])
      #expect(try await registry.authenticate(presentedKey: key.plaintext)?.accountID == "ACC-000001")
      // A replay answers what the call answered, also after the key was revoked.
      try await registry.revokeKey(id: key.record.id, organization: root.id, now: t0 + 120)
      let replay = try await registry.createKey(
        organization: root.id, role: .storefront, accountID: "ACC-000001", claim: claim, now: t0 + 180)
      #expect(replay == key)
      #expect(try await registry.pendingOperations().isEmpty)
    }
  }

  @Test(
    "finished operations are purged after 24 hours of wall-clock time with their sealed secrets; unfinished ones stay")
  func purge() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let (finished, _) = try await registry.beginOrganizationCreation(
        name: "Done", kind: .tenant, parent: root.id, currency: "USD", claim: Self.claim(), now: t0, wallClock: t0)
      try await registry.finishOrganizationCreation(finished.id, parentAccountID: "ACC-000001")
      let (unfinished, _) = try await registry.beginOrganizationCreation(
        name: "Pending", kind: .tenant, parent: root.id, currency: "USD", claim: Self.claim(), now: t0, wallClock: t0)
      _ = try await registry.beginOrganizationCreation(
        name: "Later", kind: .countryTenant, parent: root.id, currency: "USD", claim: nil, now: t0,
        wallClock: t0 + 86_399)
      #expect(try await registry.operation(id: finished.id) != nil)
      _ = try await registry.beginOrganizationCreation(
        name: "Much later", kind: .tenant, parent: root.id, currency: "USD", claim: nil, now: t0,
        wallClock: t0 + 86_401)
      #expect(try await registry.operation(id: finished.id) == nil)
      #expect(try await registry.operation(id: unfinished.id) == unfinished)
      #expect(try await registry.pendingOperations().count == 3)
    }
  }

  @Test("T3: an operation's secret is not in the registry's files: hashed for the key, sealed for replays", .sqliteOnly)
  func secretsSealed() async throws {
    try await withRegistry { registry, temporary in
      let root = try await registry.bootstrap(now: t0).root
      let (begun, organizationSecret) = try await registry.beginOrganizationCreation(
        name: "Sealed", kind: .tenant, parent: root.id, currency: "USD", claim: Self.claim(), now: t0)
      let pending = try temporary.allBytes()
      try await registry.finishOrganizationCreation(begun.id, parentAccountID: "ACC-000001")
      let keyClaim = IdempotencyClaim(
        key: UUID().uuidString, method: "orders.v1.KeyService/CreateKey", requestHash: Data())
      let key = try await registry.createKey(
        organization: root.id, role: .admin, accountID: nil, claim: keyClaim, now: t0)
      let keyless = try await registry.beginOrganizationCreation(
        name: "Keyless", kind: .tenant, parent: root.id, currency: "USD", claim: nil, now: t0)
      for bytes in [pending, try temporary.allBytes()] {
        for plaintext in [organizationSecret, key.plaintext, keyless.plaintext] {
          let secret = try #require(plaintext.split(separator: "_").last)
          #expect(bytes.range(of: Data(secret.utf8)) == nil)
          #expect(bytes.range(of: Data(plaintext.utf8)) == nil)
        }
      }
    }
  }

  @Test("B2: a child's account in its parent is made once and found again by the child's id")
  func childAccountOnce() async throws {
    try await withStore { store in
      let child = OrganizationID.random()
      let (first, second) = try await store.write { tx in
        (
          try tx.ensureChildAccount(of: child, name: "Tenant", now: t0),
          try tx.ensureChildAccount(of: child, name: "Tenant", now: t0 + 60)
        )
      }
      #expect(first == second && first.kind == .customer && first.name == "Tenant")
      let other = try await store.write { tx in try tx.ensureChildAccount(of: .random(), name: "Other", now: t0) }
      #expect(other.id != first.id)
      #expect(try await store.read { tx in try tx.accounts() }.count == 2)
      #expect(try await store.read { tx in try tx.childAccount(of: child) } == first)
      #expect(try await store.read { tx in try tx.childAccount(of: .random()) } == nil)
    }
  }
}
