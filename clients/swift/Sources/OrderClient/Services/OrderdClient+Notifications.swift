import GRPCCore
import OrderProtocol

// NotificationService: The organization's ordered log of events (N1).
extension OrderdClient {
  /// Notifications after a position, oldest first; pass `lastPosition` as `after` to continue.
  public func listNotifications(
    _ request: Orders_V1_ListNotificationsRequest = Orders_V1_ListNotificationsRequest(),
    timeout: Duration? = nil
  ) async throws -> Orders_V1_ListNotificationsResponse {
    let stub = Orders_V1_NotificationService.Client(wrapping: self.grpc)
    return try await self.perform(.read, timeout: timeout) { metadata, options in
      try await stub.listNotifications(request, metadata: metadata, options: options)
    }
  }
}
