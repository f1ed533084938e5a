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
      throw DomainError.invalidArgument(
        "kind must be TENANT or COUNTRY_TENANT; the root organization exists exactly once")
    }
    let parentID = call.principal.organizationID
    guard let parent = try await self.deps.registry.organization(id: parentID) else {
      throw DomainError.notFound("organization \(parentID) not found")
    }
    let currency = request.currency.isEmpty ? parent.currency : request.currency.uppercased()
    let now = self.deps.clock.now()
    let claim = try Idempotency.claim(of: call, request: request)
    if let claim,
      let earlier = try await self.deps.outcomeInOrganizationFile(
        call, claim, as: Orders_V1_CreateOrganizationResponse.self
      )
    {
      return earlier
    }
    // One recoverable operation (issue 10): the intent with every id first, then the child's
    // file, its account here and, last, the registry; a retry with the same idempotency key
    // finishes it with the same ids or answers it again.
    let (begun, secret) = try await self.deps.registry.beginOrganizationCreation(
      name: request.name, kind: kind, parent: parentID, currency: currency, claim: claim, now: now)
    let operation = try await self.deps.organizationCreation.finish(begun)
    try await self.deps.faults.check(.operationDone)
    guard let organization = operation.organization else {
      throw DomainError.internalError("operation \(operation.id) created no organization")
    }
    if begun.state == .pending {
      self.deps.logger.info(
        "organization created", metadata: ["org": "\(parentID)", "child": "\(organization.id)", "kind": "\(kind)"])
    }
    return .with {
      $0.organization = organization.proto
      $0.adminKey = IssuedKey(record: operation.key, plaintext: secret).proto
    }
  }

  func listOrganizations(
    request: Orders_V1_ListOrganizationsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListOrganizationsResponse {
    let call = try CallContext.required()
    let id = call.principal.organizationID
    guard let own = try await self.deps.registry.organization(id: id) else {
      throw DomainError.notFound("organization \(id) not found")
    }
    let paging = ListPaging("ListOrganizations")
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    // Only an admin sees the children (T4); the own organization is on every page.
    let children =
      call.principal.isAdmin
      ? try await self.deps.registry.children(of: id, page: page) : Page(items: [], next: nil)
    return .with {
      $0.own = own.proto
      $0.children = children.items.map(\.proto)
      $0.nextPageToken = paging.token(children.next)
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
      throw DomainError.notFound("organization \(id) not found")
    }
    return organization.proto
  }
}
