import OrderDomain
import Synchronization

/// Organizations whose background work failed as a whole, each waiting out a delay in real
/// time before the runner tries it again; the others go on meanwhile.
///
/// Kept in memory, not in the registry: on a full disk the registry cannot be written either,
/// and a simulated clock must not retry a failed organization at every step of an advance.
/// Its jobs stay due in the registry, so a restart tries it at once.
final class PausedOrganizations: Sendable {
  /// One episode of failures of an organization, from its first failure until its work runs.
  struct Pause: Sendable {
    /// Failures in a row so far.
    var failures: Int
    /// When the organization may run again.
    var until: ContinuousClock.Instant
    /// The first failure of the episode.
    var firstError: String
  }

  private let pauses = Mutex<[OrganizationID: Pause]>([:])

  /// Pauses `organization` after a failure, for `delay(failures in a row)`. Returns the
  /// pause, and whether this failure began the episode.
  func pause(_ organization: OrganizationID, error: String, delay: (Int) -> Duration) -> (pause: Pause, began: Bool) {
    self.pauses.withLock { pauses in
      var pause = pauses[organization] ?? Pause(failures: 0, until: .now, firstError: error)
      let began = pause.failures == 0
      pause.failures += 1
      pause.until = .now + delay(pause.failures)
      pauses[organization] = pause
      return (pause, began)
    }
  }

  /// Ends the episode of `organization` after its work ran; returns it, if there was one.
  func resume(_ organization: OrganizationID) -> Pause? {
    self.pauses.withLock { $0.removeValue(forKey: organization) }
  }

  /// The current episode of `organization`, if its work is failing.
  func pause(of organization: OrganizationID) -> Pause? {
    self.pauses.withLock { $0[organization] }
  }

  /// The organizations still waiting out their delay.
  func waiting(at now: ContinuousClock.Instant = .now) -> Set<OrganizationID> {
    self.pauses.withLock { Set($0.filter { $0.value.until > now }.keys) }
  }

  /// When the first organization still waiting may run again.
  func nextEnd(after now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant? {
    self.pauses.withLock { $0.values.map(\.until).filter { $0 > now }.min() }
  }
}
