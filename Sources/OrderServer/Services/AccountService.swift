import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// Customers and standard resellers of the caller's organization (T5). Storefront keys see
/// only their own account (T3).
struct AccountService: Orders_V1_AccountService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func createAccount(request: Orders_V1_CreateAccountRequest, context: ServerContext) async throws -> Orders_V1_Account
  {
    let call = try CallContext.required()
    let kind: AccountKind
    if request.kind == .unspecified {
      kind = .customer
    } else if let given = AccountKind(request.kind) {
      kind = given
    } else {
      throw DomainError.invalidArgument("account kind must be CUSTOMER or RESELLER")
    }
    let workflow = CreateAccount(
      NewAccount(
        name: request.name, kind: kind, resellerID: request.resellerID.isEmpty ? nil : AccountID(request.resellerID)),
      now: self.deps.clock.now())
    return try await self.deps.idempotentWrite(call, request: request, now: workflow.now) { scoped in
      try workflow.run(scoped).proto
    }
  }

  func listAccounts(request: Orders_V1_ListAccountsRequest, context: ServerContext) async throws
    -> Orders_V1_ListAccountsResponse
  {
    let call = try CallContext.required()
    let paging = ListPaging("ListAccounts")
    let page = try paging.request(size: request.pageSize, token: request.pageToken)
    let accounts = try await self.deps.read(call) { scoped in try scoped.accounts(page: page) }
    return .with {
      $0.accounts = accounts.items.map(\.proto)
      $0.nextPageToken = paging.token(accounts.next)
    }
  }

  func getAccount(request: Orders_V1_GetAccountRequest, context: ServerContext) async throws -> Orders_V1_Account {
    let call = try CallContext.required()
    let id = AccountID(request.id)
    return try await self.deps.read(call) { scoped in try scoped.requireAccount(id).proto }
  }
}
