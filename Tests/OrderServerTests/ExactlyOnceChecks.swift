import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderServer
import OrderStorage
import OrderTesting
import SwiftProtobuf
import Testing

/// What the tests of registry work check after a crash, a restart and a retry (issue 10).
enum ExactlyOnceChecks {
  static let request = Orders_V1_CreateOrganizationRequest.with {
    $0.name = "Tenant"
    $0.kind = .tenant
  }

  /// A data directory a test starts orderd on several times; the caller removes it.
  static func directory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("orderd-test-\(UUID().uuidString)")
  }

  /// The root's admin creates the child organization of ``request``.
  static func createOrganization(_ orderd: TestOrderd, idempotencyKey: String?) async throws
    -> Orders_V1_CreateOrganizationResponse
  {
    try await orderd.root.organizations.createOrganization(
      Self.request, metadata: orderd.root.metadata(idempotencyKey: idempotencyKey))
  }

  /// The root has exactly one child organization and it is whole: in the registry with one
  /// admin key, its database with its settings (B1), one account for it in the root (B2), no
  /// operation left unfinished, no database file of anything else. With `answered`, that is
  /// the child the answer named, and the answer's key authenticates as its admin.
  @discardableResult
  static func expectOneWholeChild(
    _ orderd: TestOrderd, answered: Orders_V1_CreateOrganizationResponse? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> Orders_V1_Organization {
    let root = orderd.application.rootOrganization.id
    let children = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      .children
    #expect(children.count == 1, "children: \(children)", sourceLocation: sourceLocation)
    let child = try #require(children.first, sourceLocation: sourceLocation)
    let childID = OrganizationID(child.id)
    if let answered {
      #expect(answered.organization == child, sourceLocation: sourceLocation)
      let admin = orderd.caller(answered.adminKey.secret)
      let own = try await admin.organizations.listOrganizations(.init(), metadata: admin.metadata()).own
      #expect(own.id == child.id, sourceLocation: sourceLocation)
      #expect(answered.adminKey.key.organizationID == child.id, sourceLocation: sourceLocation)
    }
    let registry = orderd.application.registry
    #expect(try await registry.keys(organization: childID).count == 1, sourceLocation: sourceLocation)
    #expect(try await registry.pendingOperations().isEmpty, sourceLocation: sourceLocation)
    let accounts = try await orderd.root.accounts.listAccounts(.init(), metadata: orderd.root.metadata()).accounts
    #expect(accounts.map(\.id) == [child.parentAccountID], "accounts: \(accounts)", sourceLocation: sourceLocation)
    let databases = orderd.application.databases
    let childAccount = try await databases.withStore(root) { store in
      try await store.read { tx in try tx.childAccount(of: childID) }
    }
    #expect(childAccount?.id.rawValue == child.parentAccountID, sourceLocation: sourceLocation)
    let settings = try await databases.withStore(childID) { store in try await store.read { tx in try tx.settings() } }
    #expect(settings.backordering == true, "the child's file lacks its settings (B1)", sourceLocation: sourceLocation)
    let files = try FileManager.default.contentsOfDirectory(
      at: orderd.dataDirectory.appendingPathComponent("orgs"), includingPropertiesForKeys: nil
    ).map(\.lastPathComponent).filter { $0.hasSuffix(".sqlite") }
    #expect(Set(files) == ["\(root).sqlite", "\(child.id).sqlite"], sourceLocation: sourceLocation)
    return child
  }

  /// No file of the data directory holds any of `secrets` in any form (T3).
  static func expectNoSecrets(
    _ secrets: [String], under directory: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let hits = try SecretScan.hits(of: secrets.flatMap(SecretScan.forms(ofKey:)), under: directory)
    #expect(hits.isEmpty, "secrets in the data directory: \(hits)", sourceLocation: sourceLocation)
  }
}
