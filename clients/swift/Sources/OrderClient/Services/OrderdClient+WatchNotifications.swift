import GRPCCore
import OrderProtocol
import Synchronization

// NotificationService: watching the log live, across reconnects (N2, B6).
extension OrderdClient {
  /// Watches the organization's notification log from `after` (0: from the start), calling
  /// `onNotification` with each entry in order, first those already written, then each new
  /// one as it is written. Runs until the task is cancelled (then throws `CancellationError`),
  /// `onNotification` throws, or the server answers an error other than `UNAVAILABLE`.
  ///
  /// When the server becomes unreachable (it restarted, the connection dropped) or ends the
  /// stream, the watch reconnects with `reconnect`'s backoff and asks again from the last
  /// position it delivered, so no notification is lost or delivered twice (N2). The call has
  /// no deadline: a watch is meant to run for as long as its caller wants.
  ///
  /// - Parameters:
  ///   - after: Deliver notifications after this position.
  ///   - accountID: Only this account's notifications (a storefront key sees only its own).
  ///   - onReconnect: Called before each reconnect with why the watch was interrupted (nil:
  ///     the server ended the stream), the position it resumes after, and the number of
  ///     reconnects since a notification last arrived (1 for the first): for telling the user.
  public func watchNotifications(
    after: Int64 = 0,
    accountID: String = "",
    reconnect: WatchReconnectPolicy = WatchReconnectPolicy(),
    onReconnect: @escaping @Sendable (_ cause: RPCError?, _ lastPosition: Int64, _ attempt: Int) -> Void = { _, _, _ in
    },
    onNotification: @escaping @Sendable (Orders_V1_Notification) async throws -> Void
  ) async throws {
    let stub = Orders_V1_NotificationService.Client(wrapping: self.grpc)
    let metadata = self.metadata(for: .read)
    let cursor = Mutex(NotificationCursor(after: after))
    var fruitlessAttempts = 0
    while true {
      try Task.checkCancellation()
      var request = Orders_V1_WatchNotificationsRequest()
      request.after = cursor.withLock { $0.lastPosition }
      request.accountID = accountID
      var options = CallOptions.defaults
      options.timeout = nil
      let before = request.after
      var cause: RPCError?
      do {
        try await stub.watchNotifications(request, metadata: metadata, options: options) { response in
          for try await notification in response.messages {
            guard cursor.withLock({ $0.advance(past: notification) }) else { continue }
            try await onNotification(notification)
          }
        }
      } catch let error as RPCError where error.code == .unavailable {
        cause = error
      }
      try Task.checkCancellation()
      let lastPosition = cursor.withLock { $0.lastPosition }
      fruitlessAttempts = lastPosition > before ? 1 : fruitlessAttempts + 1
      onReconnect(cause, lastPosition, fruitlessAttempts)
      try await Task.sleep(for: reconnect.backoff(beforeAttempt: fruitlessAttempts))
    }
  }
}
