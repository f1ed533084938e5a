import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("Organizations and tenancy", .timeLimit(.minutes(5)))
struct TenancyTests {
  @Test("T1: the first start creates exactly one root organization and its admin key file")
  func rootExistsOnce() async throws {
    try await TestOrderd.with { orderd in
      let listing = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(listing.own.kind == .root)
      #expect(listing.own.parentID.isEmpty)
      let attributes = try FileManager.default.attributesOfItem(
        atPath: orderd.dataDirectory.appendingPathComponent("root-admin.key").path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
      // A second root cannot be created.
      let code = await statusCode {
        _ = try await orderd.root.organizations.createOrganization(
          .with {
            $0.name = "Another root"
            $0.kind = .root
          }, metadata: orderd.root.metadata())
      }
      #expect(code == .invalidArgument)
    }
  }

  @Test("T1: tenants and country tenants have the creating organization as their parent")
  func childrenHaveParents() async throws {
    try await TestOrderd.with { orderd in
      let root = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata()).own
      let (tenant, tenantAdmin) = try await orderd.root.createTenant("Reseller One")
      let (country, _) = try await orderd.root.createTenant("Reseller DE", kind: .countryTenant)
      #expect(tenant.parentID == root.id)
      #expect(country.kind == .countryTenant)
      // A tenant creates its own child: the chain has three levels.
      let (grandchild, _) = try await tenantAdmin.createTenant("Sub-reseller")
      #expect(grandchild.parentID == tenant.id)
      let children = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(Set(children.children.map(\.id)) == [tenant.id, country.id])
    }
  }

  @Test("T2: each organization has its own SQLite file and another's data is not in it", .sqliteOnly)
  func ownDatabaseFile() async throws {
    try await TestOrderd.with { orderd in
      let (a, adminA) = try await orderd.root.createTenant("Tenant A")
      let (b, adminB) = try await orderd.root.createTenant("Tenant B")
      _ = try await adminA.createAccount("Customer Only-In-A")
      _ = try await adminB.createAccount("Customer Only-In-B")
      let orgs = orderd.dataDirectory.appendingPathComponent("orgs")
      let fileA = try Data(contentsOf: orgs.appendingPathComponent("\(a.id).sqlite"))
      let fileB = try Data(contentsOf: orgs.appendingPathComponent("\(b.id).sqlite"))
      let walA = (try? Data(contentsOf: orgs.appendingPathComponent("\(a.id).sqlite-wal"))) ?? Data()
      let walB = (try? Data(contentsOf: orgs.appendingPathComponent("\(b.id).sqlite-wal"))) ?? Data()
      #expect((fileA + walA).range(of: Data("Only-In-A".utf8)) != nil)
      #expect((fileA + walA).range(of: Data("Only-In-B".utf8)) == nil)
      #expect((fileB + walB).range(of: Data("Only-In-B".utf8)) != nil)
      #expect((fileB + walB).range(of: Data("Only-In-A".utf8)) == nil)
    }
  }

  @Test("T4: a parent's admin cannot read or change anything inside its child")
  func parentCannotSeeInsideChild() async throws {
    try await TestOrderd.with { orderd in
      let (_, child) = try await orderd.root.createTenant("Child")
      // Ids are per organization: the parent's ACC-000001 is the child's own account (B2), so
      // the child's customer gets an id the parent does not have.
      _ = try await child.createAccount("Child's first customer")
      let account = try await child.createAccount("Child's customer")
      _ = try await child.createProduct(sku: "M365-E3")
      let order = try await child.placeOrder(account: account.id, items: [("M365-E3", 2)])
      let parent = orderd.root
      // Reads of the child's objects with the parent's key answer NOT_FOUND (T6).
      #expect(
        await statusCode {
          _ = try await parent.accounts.getAccount(.with { $0.id = account.id }, metadata: parent.metadata())
        } == .notFound)
      #expect(
        await statusCode {
          _ = try await parent.orders.getOrder(.with { $0.id = order.id }, metadata: parent.metadata())
        } == .notFound)
      #expect(
        await statusCode {
          _ = try await parent.catalog.getProduct(.with { $0.sku = "M365-E3" }, metadata: parent.metadata())
        } == .notFound)
      let subscription = order.lines.first.map { _ in "SUB-000001" } ?? ""
      #expect(
        await statusCode {
          _ = try await parent.subscriptions.getSubscription(
            .with { $0.id = subscription }, metadata: parent.metadata())
        } == .notFound)
      // Listings show only the parent's own objects.
      // The parent holds only its own accounts: the child's own account (B2), not its customers.
      let accounts = try await parent.accounts.listAccounts(.init(), metadata: parent.metadata())
      #expect(accounts.accounts.map(\.name) == ["Child"])
      let orders = try await parent.orders.listOrders(.init(), metadata: parent.metadata())
      #expect(orders.orders.isEmpty)
      // Writes land in the parent's own database, never in the child's.
      let code = await statusCode { _ = try await parent.placeOrder(account: account.id, items: [("M365-E3", 1)]) }
      #expect(code == .notFound)
      #expect(try await child.orders.listOrders(.init(), metadata: child.metadata()).orders.count == 1)
    }
  }

  @Test("T5: a customer may belong to a standard reseller; a reseller cannot")
  func accountKinds() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let reseller = try await admin.createAccount("Standard Reseller", kind: .reseller)
      let customer = try await admin.createAccount("Reseller's customer", reseller: reseller.id)
      #expect(customer.resellerID == reseller.id)
      #expect(customer.kind == .customer)
      let nested = await statusCode {
        _ = try await admin.createAccount("Nested", kind: .reseller, reseller: reseller.id)
      }
      #expect(nested == .invalidArgument)
      let notAReseller = await statusCode { _ = try await admin.createAccount("Bad", reseller: customer.id) }
      #expect(notAReseller == .invalidArgument)
    }
  }
}
