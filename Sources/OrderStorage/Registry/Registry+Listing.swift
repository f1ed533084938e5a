import OrderDomain

extension Registry {
  /// Every organization, root first, then by creation (e.g. for the billing service's runs).
  public func organizations() async throws -> [Organization] {
    try await self.read { sql in
      try sql.fetchAll(OrganizationRecord.self, "SELECT * FROM organizations ORDER BY kind != 'root', createdAt, id")
        .map(\.organization)
    }
  }
}
