import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// Organizations (T1, T4): a parent's admin creates children and their first admin key, and
/// sees only the child's identity, never its database.
struct OrganizationService: Orders_V1_OrganizationService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func createOrganization(
    request: Orders_V1_CreateOrganizationRequest, context: ServerContext
  ) async throws -> Orders_V1_CreateOrganizationResponse {
    let call = try CallContext.required()
    guard let kind = OrganizationKind(request.kind), kind != .root else {
      throw RPCError(
        code: .invalidArgument,
        message: "kind must be TENANT or COUNTRY_TENANT; the root organization exists exactly once")
    }
    let parentID = call.principal.organizationID
    guard let parent = try await self.deps.registry.organization(id: parentID) else {
      throw RPCError(code: .notFound, message: "organization \(parentID) not found")
    }
    let currency = request.currency.isEmpty ? parent.currency : request.currency.uppercased()
    let now = self.deps.clock.now()
    return try await self.deps.idempotentCall(call, request: request, now: now) {
      var created = try await self.deps.registry.createOrganization(
        name: request.name, kind: kind, parent: parentID, currency: currency, now: now)
      let child = created.organization.id
      // The child's own account in this organization: the customer it is billed as, where its
      // backorders land (B2).
      let account = try await self.deps.withStore(call) { store in
        try await store.write { tx in
          try tx.createAccount(NewAccount(name: request.name, kind: .customer), now: now)
        }
      }
      created.organization = try await self.deps.registry.setParentAccount(child: child, account: account.id)
      // The kind's backordering default is written into the child's settings (B1).
      try await self.deps.databases.withStore(child) { store in
        try await store.write { tx in
          try tx.updateSettings(OrganizationSettings(backordering: kind.backordersByDefault), kind: kind)
        }
      }
      self.deps.logger.info(
        "organization created",
        metadata: ["org": "\(parentID)", "child": "\(created.organization.id)", "kind": "\(kind)"])
      return .with {
        $0.organization = created.organization.proto
        $0.adminKey = created.adminKey.proto
      }
    }
  }

  func listOrganizations(
    request: Orders_V1_ListOrganizationsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListOrganizationsResponse {
    let call = try CallContext.required()
    let id = call.principal.organizationID
    guard let own = try await self.deps.registry.organization(id: id) else {
      throw RPCError(code: .notFound, message: "organization \(id) not found")
    }
    let children = call.principal.isAdmin ? try await self.deps.registry.children(of: id) : []
    return .with {
      $0.own = own.proto
      $0.children = children.map(\.proto)
    }
  }

  func getOrganization(
    request: Orders_V1_GetOrganizationRequest, context: ServerContext
  ) async throws -> Orders_V1_Organization {
    let call = try CallContext.required()
    let own = call.principal.organizationID
    let id = request.id.isEmpty ? own : OrganizationID(request.id)
    // The caller sees its own organization and, as an admin, its direct children (T4, T6).
    guard let organization = try await self.deps.registry.organization(id: id),
      organization.id == own || (call.principal.isAdmin && organization.parentID == own)
    else {
      throw RPCError(code: .notFound, message: "organization \(id) not found")
    }
    return organization.proto
  }
}
