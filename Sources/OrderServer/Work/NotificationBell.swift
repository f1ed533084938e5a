import Foundation
import OrderDomain
import Synchronization

/// Tells live notification watchers that an organization's log may have grown, so they
/// re-read it at once instead of on their next poll. A missed ring only delays a watcher
/// until its poll: the durable log, not the bell, is the source of truth (N2).
final class NotificationBell: Sendable {
  private let generations = Mutex<[OrganizationID: UInt64]>([:])
  private let closing = Mutex(false)

  /// Set when the server begins a graceful shutdown: live watches end so that the server
  /// can drain (their clients resume from their last position on the next server).
  var isClosing: Bool { self.closing.withLock { $0 } }

  func close() { self.closing.withLock { $0 = true } }

  func ring(_ organization: OrganizationID) {
    self.generations.withLock { $0[organization, default: 0] &+= 1 }
  }

  func generation(_ organization: OrganizationID) -> UInt64 {
    self.generations.withLock { $0[organization, default: 0] }
  }

  /// Waits until `organization` rings after `generation`, or `timeout` passes.
  func wait(_ organization: OrganizationID, after generation: UInt64, timeout: Duration) async {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline, self.generation(organization) == generation, !Task.isCancelled, !self.isClosing {
      try? await Task.sleep(for: .milliseconds(25))
    }
  }
}
