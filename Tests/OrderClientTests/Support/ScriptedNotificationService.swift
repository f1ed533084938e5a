import GRPCCore
import OrderProtocol
import SwiftProtobuf
import Synchronization

/// A notification service whose watch calls follow a script: call number N streams the
/// positions of `script[N]`, then fails with its error, or, when it has none, stays open like
/// a live watch with nothing new. It records the `after` of every call.
final class ScriptedNotificationService: Orders_V1_NotificationService.SimpleServiceProtocol {
  struct Step: Sendable {
    var positions: [Int64]
    var error: RPCError?
  }

  let script: [Step]
  private let afters = Mutex<[Int64]>([])

  init(_ script: [Step]) {
    self.script = script
  }

  /// The `after` of each watch call so far.
  var calls: [Int64] { self.afters.withLock { $0 } }

  func listNotifications(
    request: Orders_V1_ListNotificationsRequest, context: ServerContext
  ) async throws -> Orders_V1_ListNotificationsResponse {
    throw RPCError(code: .unimplemented, message: "not part of this fake")
  }

  func watchNotifications(
    request: Orders_V1_WatchNotificationsRequest, response: RPCWriter<Orders_V1_Notification>, context: ServerContext
  ) async throws {
    let call = self.afters.withLock { afters in
      afters.append(request.after)
      return afters.count - 1
    }
    guard call < self.script.count else { throw RPCError(code: .internalError, message: "unscripted call") }
    let step = self.script[call]
    for position in step.positions {
      try await response.write(
        .with {
          $0.position = position
          $0.type = "OrderCreated"
          $0.text = "event \(position)"
        })
    }
    if let error = step.error { throw error }
    try await Task.sleep(for: .seconds(600))
  }
}
