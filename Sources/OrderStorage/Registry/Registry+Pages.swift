import OrderDomain

/// The registry's listings one page at a time, by keyset (issue 12).
extension Registry {
  /// The keys of an organization, revoked ones included, oldest first.
  public func keys(organization: OrganizationID, page: PageRequest) async throws -> Page<APIKeyRecord> {
    try await self.read { sql in
      try KeysetQuery(
        from: "apiKeys", conditions: ["organizationID = ?"], arguments: [organization.rawValue],
        keys: ["createdAt", "id"]
      ).fetch(StoredKeyRecord.self, sql, page: page).map(\.record)
    }
  }

  /// The direct children of an organization, oldest first.
  public func children(of id: OrganizationID, page: PageRequest) async throws -> Page<Organization> {
    try await self.read { sql in
      try KeysetQuery(
        from: "organizations", conditions: ["parentID = ?"], arguments: [id.rawValue], keys: ["createdAt", "id"]
      ).fetch(OrganizationRecord.self, sql, page: page).map(\.organization)
    }
  }
}
