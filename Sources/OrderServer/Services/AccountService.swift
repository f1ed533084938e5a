import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
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
    let new = NewAccount(
      name: request.name, kind: kind, resellerID: request.resellerID.isEmpty ? nil : AccountID(request.resellerID))
    let now = self.deps.clock.now()
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      try tx.createAccount(new, now: now).proto
    }
  }

  func listAccounts(request: Orders_V1_ListAccountsRequest, context: ServerContext) async throws
    -> Orders_V1_ListAccountsResponse
  {
    let call = try CallContext.required()
    let principal = call.principal
    let accounts = try await self.deps.read(call) { tx in
      try tx.accounts().filter { principal.canSee(accountID: $0.id) }
    }
    return .with { $0.accounts = accounts.map(\.proto) }
  }

  func getAccount(request: Orders_V1_GetAccountRequest, context: ServerContext) async throws -> Orders_V1_Account {
    let call = try CallContext.required()
    let id = AccountID(request.id)
    try call.principal.requireVisible(accountID: id)
    guard let account = try await self.deps.read(call, { tx in try tx.account(id) }) else {
      throw DomainError.notFound("account \(id) not found")
    }
    return account.proto
  }
}
