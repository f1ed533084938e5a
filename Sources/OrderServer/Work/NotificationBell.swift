import OrderDomain
import Synchronization

/// Tells live notification watchers that an organization's log may have grown, so they
/// re-read it at once. Watchers suspend until a ring (no polling loop); the durable log, not
/// the bell, is the source of truth (N2), so a watcher also re-reads after a long safety
/// interval in case a ring was ever missed.
final class NotificationBell: Sendable {
  private let signal = KeyedSignal<OrganizationID>()
  private let waits = Atomic<Int>(0)

  /// Set when the server begins a graceful shutdown: live watches end so that the server
  /// can drain (their clients resume from their last position on the next server).
  var isClosing: Bool { self.signal.isClosed }

  func close() { self.signal.close() }

  func ring(_ organization: OrganizationID) { self.signal.ring(organization) }

  /// Rings every organization's bell: every watcher re-reads its log (after this node may
  /// have missed what other nodes wrote, issue 14).
  func ringAll() { self.signal.ringAll() }

  func generation(_ organization: OrganizationID) -> UInt64 { self.signal.generation(organization) }

  /// How many watchers are suspended now (for tests and metrics).
  var waiterCount: Int { self.signal.waiterCount }

  /// How many times watchers went to sleep so far: an idle watcher sleeps once.
  var waitCount: Int { self.waits.load(ordering: .relaxed) }

  /// Waits until `organization` rings after `generation`, the bell closes, or `timeout`
  /// passes.
  func wait(_ organization: OrganizationID, after generation: UInt64, timeout: Duration) async {
    self.waits.add(1, ordering: .relaxed)
    await self.signal.wait(organization, after: generation, timeout: timeout)
  }
}
