import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Registry: organizations", .timeLimit(.minutes(5)))
struct RegistryTests {
  @Test("T1: bootstrap creates the root exactly once; a second bootstrap returns no new key")
  func bootstrapOnce() async throws {
    try await withRegistry { registry, _ in
      let first = try await registry.bootstrap(now: t0)
      #expect(first.root.kind == .root)
      #expect(first.root.parentID == nil)
      #expect(first.rootAdminKey != nil)
      let second = try await registry.bootstrap(now: t0.addingTimeInterval(60))
      #expect(second.root == first.root)
      #expect(second.rootAdminKey == nil)
      #expect(try await registry.root() == first.root)
    }
  }

  @Test("T1: the root survives reopening the registry")
  func bootstrapSurvivesReopen() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let root = try await {
      let registry = try Registry(directory: temporary.directory)
      defer { try? registry.close() }
      return try await registry.bootstrap(now: t0).root
    }()
    let reopened = try Registry(directory: temporary.directory)
    defer { try? reopened.close() }
    let again = try await reopened.bootstrap(now: t0)
    #expect(again.root == root)
    #expect(again.rootAdminKey == nil)
  }

  @Test("T1: a second root cannot be created; children need an existing parent")
  func childrenNeedParent() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      await #expect(throws: DomainError.self) {
        _ = try await registry.createOrganization(name: "Another root", kind: .root, parent: root.id, now: t0)
      }
      let missing = await #expect(throws: DomainError.self) {
        _ = try await registry.createOrganization(name: "Orphan", kind: .tenant, parent: "no-such-org", now: t0)
      }
      #expect(missing?.code == .notFound)
      let (tenant, key) = try await registry.createOrganization(name: "Tenant", kind: .tenant, parent: root.id, now: t0)
      let (country, _) = try await registry.createOrganization(
        name: "Country", kind: .countryTenant, parent: tenant.id, currency: "EUR", now: t0)
      #expect(tenant.parentID == root.id)
      #expect(key.record.role == .admin)
      #expect(key.record.organizationID == tenant.id)
      #expect(try await registry.children(of: root.id) == [tenant])
      #expect(try await registry.children(of: tenant.id) == [country])
      #expect(try await registry.organization(id: country.id)?.currency == "EUR")
      #expect(try await registry.organization(id: "nope") == nil)
    }
  }

  @Test("server state values are stored, replaced and removed")
  func serverState() async throws {
    try await withRegistry { registry, _ in
      #expect(try await registry.stateValue(forKey: "clock") == nil)
      try await registry.setStateValue("2026-01-01", forKey: "clock")
      try await registry.setStateValue("2026-02-01", forKey: "clock")
      #expect(try await registry.stateValue(forKey: "clock") == "2026-02-01")
      try await registry.setStateValue(nil, forKey: "clock")
      #expect(try await registry.stateValue(forKey: "clock") == nil)
    }
  }

  @Test("the root admin key file is written once, readable by the owner only")
  func rootAdminKeyFile() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    try temporary.directory.writeRootAdminKey("odk_abc_def")
    let path = temporary.directory.rootAdminKeyURL.path
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "odk_abc_def\n")
    #expect(throws: DomainError.self) { try temporary.directory.writeRootAdminKey("odk_x_y") }
  }
}

@Suite("Registry: listing", .timeLimit(.minutes(5)))
struct RegistryListingTests {
  @Test("T1: every organization is listed, root first")
  func listsAll() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let (a, _) = try await registry.createOrganization(name: "A", kind: .tenant, parent: root.id, now: t0 + 1)
      let (b, _) = try await registry.createOrganization(name: "B", kind: .countryTenant, parent: a.id, now: t0 + 2)
      #expect(try await registry.organizations() == [root, a, b])
    }
  }
}
