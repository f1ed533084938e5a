import OrderClient
import OrderProtocol
import SwiftProtobuf

/// A child organization made for the benchmark, with what its calls need.
public struct Tenant: Sendable {
  public let id: String
  public let adminKey: String
  /// Its own account in the root, where its backorders land.
  public let parentAccountID: String
  /// The one customer account its orders are for.
  public let accountID: String
  /// The pool's connection it was set up through (with a connection per node: its node).
  public let connection: Int
}

extension ClientPool {
  /// Creates organization number `index` under the root, then its product and its account,
  /// through connection `connection`.
  public func createTenant(_ index: Int, kind: TenantKind, rootKey: String, connection: Int = 0) async throws -> Tenant
  {
    let root = self.client(apiKey: rootKey, connection: connection)
    let created = try await root.createOrganization(
      .with {
        $0.name = "Bench \(kind.rawValue) \(index + 1)"
        $0.kind = kind == .tenant ? .tenant : .countryTenant
      })
    let admin = self.client(apiKey: created.adminKey.secret, connection: connection)
    try await BenchProduct.create(with: admin)
    let account = try await admin.createAccount(.with { $0.name = "Bench customer \(index + 1)" })
    return Tenant(
      id: created.organization.id, adminKey: created.adminKey.secret,
      parentAccountID: created.organization.parentAccountID, accountID: account.id, connection: connection)
  }

  /// Creates `count` organizations, `limit` calls in flight: all through connection 0, or
  /// with `spread` organization `i` through connection `i` (modulo the count).
  public func createTenants(
    count: Int, kind: TenantKind, rootKey: String, limit: Int, spread: Bool = false
  ) async throws -> [Tenant] {
    try await concurrentMap(Array(0..<count), limit: limit) { index in
      try await self.createTenant(
        index, kind: kind, rootKey: rootKey, connection: spread ? index % self.connectionCount : 0)
    }
  }
}
