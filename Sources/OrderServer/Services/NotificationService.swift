import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// The organization's durable, ordered notification log (N1). Storefront keys see only
/// their own account's entries.
struct NotificationService: Orders_V1_NotificationService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  /// How long an idle watcher sleeps without a ring before it re-reads the log anyway: every
  /// write that appends a notification rings the bell after its commit, so this only bounds
  /// the delay of a ring missed by a bug. Long, so that a thousand idle watches cost nothing.
  static let safetyInterval: Duration = .seconds(600)

  func listNotifications(
    request: Orders_V1_ListNotificationsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListNotificationsResponse {
    let call = try CallContext.required()
    let accountID = try self.scope(request.accountID, call)
    guard request.after >= 0 else { throw DomainError.invalidArgument("after must be a position, 0 or more") }
    // `limit`, older than `page_size`, keeps its rule (1 to 1000) when it is the one given.
    if request.pageSize == 0, request.limit != 0, !(1...1000).contains(request.limit) {
      throw DomainError.invalidArgument("limit must be 1 to 1000")
    }
    let paging = ListPaging(
      "ListNotifications", filters: ["after": String(request.after), "account_id": request.accountID])
    let page = try paging.request(
      size: request.pageSize == 0 ? request.limit : request.pageSize, token: request.pageToken)
    let after = request.after
    let entries = try await self.deps.read(call) { scoped in
      try scoped.notifications(after: after, accountID: accountID, page: page)
    }
    return .with {
      $0.notifications = entries.items.map(\.proto)
      $0.lastPosition = entries.items.last?.position ?? after
      $0.nextPageToken = paging.token(entries.next)
    }
  }

  /// The log from a position, then live (N2, B6). Pages are read from the durable log; the
  /// writer's backpressure paces a slow watcher, which falls behind and catches up from the
  /// log without the server buffering for it or slowing other callers. Between pages the
  /// watch suspends until the organization's bell rings: an idle watch costs nothing.
  func watchNotifications(
    request: Orders_V1_WatchNotificationsRequest, response: RPCWriter<Orders_V1_Notification>, context: ServerContext
  ) async throws {
    let call = try CallContext.required()
    let accountID = try self.scope(request.accountID, call)
    guard request.after >= 0 else { throw DomainError.invalidArgument("after must be a position, 0 or more") }
    let start = request.after
    // gRPC cancels an RPC (deadline, client gone, shutdown) through its handle, not the
    // task: the first of the two ends the watch.
    let end = try await withThrowingTaskGroup(of: WatchEnd.self) { group in
      group.addTask {
        try await self.follow(call, accountID: accountID, after: start, response: response)
        return .closing
      }
      group.addTask {
        try await context.cancellation.cancelled
        return .rpcCancelled
      }
      defer { group.cancelAll() }
      return try await group.next() ?? .rpcCancelled
    }
    if end == .rpcCancelled {
      // The transport and GRPCCore start the deadline's clock when the call arrives, a little
      // before the interceptor read it: a cancellation that close to the deadline is the deadline.
      if let deadline = call.deadline, ContinuousClock.now >= deadline - .milliseconds(250) {
        throw DomainError.deadlineExceeded(
          "the watch reached its deadline; resume from the last position")
      }
      throw DomainError.cancelled("the watch was cancelled")
    }
  }

  private enum WatchEnd { case closing, rpcCancelled }

  /// The account the log is limited to (see ``ScopedTransaction/scope(_:)``).
  private func scope(_ requested: String, _ call: CallContext) throws -> AccountID? {
    let requested = requested.isEmpty ? nil : AccountID(requested)
    return try ScopedTransaction.scope(requested, principal: call.principal)
  }

  /// Writes the log after `after`, then each new entry, until the server shuts down.
  private func follow(
    _ call: CallContext, accountID: AccountID?, after start: Int64, response: RPCWriter<Orders_V1_Notification>
  ) async throws {
    let organization = call.principal.organizationID
    var after = start
    while !Task.isCancelled {
      if self.deps.bell.isClosing {
        throw DomainError.unavailable("the server is shutting down; resume after position \(after)")
      }
      let generation = self.deps.bell.generation(organization)
      let position = after
      let page = try await self.deps.read(call) { scoped in
        try scoped.notifications(after: position, accountID: accountID, limit: 256)
      }
      for entry in page {
        try await response.write(entry.proto)
        after = entry.position
      }
      if page.count < 256 {
        await self.deps.bell.wait(organization, after: generation, timeout: Self.safetyInterval)
      }
    }
  }
}
