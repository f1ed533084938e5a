import OrderDomain
import OrderStorage

extension Registry {
  /// The currency of an organization a background job works in.
  func currency(of organization: OrganizationID) async throws -> String {
    guard let found = try await self.organization(id: organization) else {
      throw DomainError.internalError("organization \(organization) has jobs but no registry entry")
    }
    return found.currency
  }
}
