import OrderStorage

/// What this node does on a ``ClusterSignal``: the same as when the news is its own (a write
/// rings the bell, wakes the runner, a revocation evicts the key), so another node's writes
/// are seen here as quickly as this node's.
struct ClusterReactions: Sendable {
  let bell: NotificationBell
  let wakeups: WorkWakeups
  let clock: ServerClock
  let registry: Registry

  func receive(_ signal: ClusterSignal) {
    switch signal {
    case .logAppended(let organization):
      self.bell.ring(organization)
    case .workDue:
      self.wakeups.wake()
    case .clockMoved(let date):
      // Work may have come due at the new time: the runner runs it (F6).
      if self.clock.catchUp(to: date) { self.wakeups.wake() }
    case .keyRevoked(let key):
      self.registry.evictCachedKey(key)
    case .organizationChanged(let organization):
      self.registry.evictCachedOrganization(organization)
    case .missedSome:
      self.registry.evictAllCached()
      self.bell.ringAll()
      self.wakeups.wake()
    }
  }
}
