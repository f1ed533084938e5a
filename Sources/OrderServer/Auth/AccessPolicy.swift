import OrderDomain

/// Who may call a method. Kept as one table so an authorization review reads one file.
enum Access: Sendable {
  /// Any valid key of the organization; storefront callers are scoped to their account.
  case anyRole
  /// Admin keys only (T3).
  case admin
  /// Admin keys of the root organization only (moving the simulated clock).
  case rootAdmin

  func permits(_ principal: Principal, rootOrganization: OrganizationID) -> Bool {
    switch self {
    case .anyRole: return true
    case .admin: return principal.isAdmin
    case .rootAdmin: return principal.isAdmin && principal.organizationID == rootOrganization
    }
  }
}
