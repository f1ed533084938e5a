import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// API keys of the caller's organization (T3). Secrets are returned once, stored hashed; a
/// retry with the same idempotency key answers the same key again, from the registry, where its
/// secret is kept sealed under that idempotency key.
struct KeyService: Orders_V1_KeyService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func createKey(request: Orders_V1_CreateKeyRequest, context: ServerContext) async throws -> Orders_V1_IssuedKey {
    let call = try CallContext.required()
    guard let role = Role(request.role) else {
      throw DomainError.invalidArgument("role must be ADMIN or STOREFRONT")
    }
    var accountID: AccountID?
    switch role {
    case .admin:
      guard request.accountID.isEmpty else {
        throw DomainError.invalidArgument("admin keys see the whole organization: leave the account empty")
      }
    case .storefront:
      guard !request.accountID.isEmpty else {
        throw DomainError.invalidArgument("a storefront key needs the account it acts for")
      }
      let id = AccountID(request.accountID)
      _ = try await self.deps.read(call) { scoped in try scoped.requireAccount(id) }
      accountID = id
    }
    let now = self.deps.clock.now()
    let organization = call.principal.organizationID
    guard let claim = try Idempotency.claim(of: call, request: request) else {
      return try await self.deps.registry.createKey(
        organization: organization, role: role, accountID: accountID, now: now
      ).proto
    }
    if let earlier = try await self.deps.outcomeInOrganizationFile(call, claim, as: Orders_V1_IssuedKey.self) {
      return earlier
    }
    // The key and its outcome are one registry transaction (issue 10).
    let issued = try await self.deps.registry.createKey(
      organization: organization, role: role, accountID: accountID, claim: claim, now: now)
    try await self.deps.faults.check(.operationDone)
    return issued.proto
  }

  func revokeKey(request: Orders_V1_RevokeKeyRequest, context: ServerContext) async throws -> Orders_V1_ApiKey {
    let call = try CallContext.required()
    let now = self.deps.clock.now()
    return try await self.deps.idempotentCall(call, request: request, now: now) {
      try await self.deps.registry.revokeKey(
        id: APIKeyID(request.id), organization: call.principal.organizationID, now: now
      ).proto
    }
  }

  func listKeys(request: Orders_V1_ListKeysRequest, context: ServerContext) async throws -> Orders_V1_ListKeysResponse {
    let call = try CallContext.required()
    let paging = ListPaging("ListKeys")
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let keys = try await self.deps.registry.keys(organization: call.principal.organizationID, page: page)
    return .with {
      $0.keys = keys.items.map(\.proto)
      $0.nextPageToken = paging.token(keys.next)
    }
  }
}
