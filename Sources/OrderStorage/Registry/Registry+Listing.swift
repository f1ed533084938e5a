import GRDB
import OrderDomain

extension Registry {
  /// Every organization, root first, then by creation (e.g. for the billing service's runs).
  public func organizations() async throws -> [Organization] {
    try await self.read { db in
      try OrganizationRecord.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM organizations ORDER BY kind != 'root', createdAt, id")
      ).map(\.organization)
    }
  }
}
