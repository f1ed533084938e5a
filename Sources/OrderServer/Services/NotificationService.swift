import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

/// The organization's durable, ordered notification log (N1). Storefront keys see only
/// their own account's entries.
struct NotificationService: Orders_V1_NotificationService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func listNotifications(
    request: Orders_V1_ListNotificationsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListNotificationsResponse {
    let call = try CallContext.required()
    let accountID = try SubscriptionService.scope(request.accountID, call.principal)
    guard request.after >= 0 else { throw DomainError.invalidArgument("after must be a position, 0 or more") }
    let limit = request.limit == 0 ? 100 : Int(request.limit)
    guard (1...1000).contains(limit) else { throw DomainError.invalidArgument("limit must be 1 to 1000") }
    let after = request.after
    let entries = try await self.deps.read(call) { tx in
      try tx.notifications(after: after, accountID: accountID, limit: limit)
    }
    return .with {
      $0.notifications = entries.map(\.proto)
      $0.lastPosition = entries.last?.position ?? after
    }
  }

  /// The log from a position, then live (N2, B6). Pages are read from the durable log; the
  /// writer's backpressure paces a slow watcher, which falls behind and catches up from the
  /// log without the server buffering for it or slowing other callers.
  func watchNotifications(
    request: Orders_V1_WatchNotificationsRequest, response: RPCWriter<Orders_V1_Notification>, context: ServerContext
  ) async throws {
    let call = try CallContext.required()
    let accountID = try SubscriptionService.scope(request.accountID, call.principal)
    guard request.after >= 0 else { throw DomainError.invalidArgument("after must be a position, 0 or more") }
    let organization = call.principal.organizationID
    var after = request.after
    while !Task.isCancelled, !context.cancellation.isCancelled {
      if self.deps.bell.isClosing {
        throw RPCError(code: .unavailable, message: "the server is shutting down; resume after position \(after)")
      }
      let generation = self.deps.bell.generation(organization)
      let position = after
      let page = try await self.deps.read(call) { tx in
        try tx.notifications(after: position, accountID: accountID, limit: 256)
      }
      for entry in page {
        try await response.write(entry.proto)
        after = entry.position
      }
      if page.count < 256 {
        await self.deps.bell.wait(organization, after: generation, timeout: .seconds(1))
      }
    }
  }
}
