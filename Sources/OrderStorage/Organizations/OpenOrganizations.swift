import OrderDomain

/// The organizations ``OrganizationDatabases`` holds open or is opening, with the idle ones
/// (no lease) in least recently released order, so that the eviction victim is found in
/// constant time. Not thread-safe: the actor owns it.
struct OpenOrganizations {
  /// One organization's database: opening (callers await the task) or open.
  final class Slot {
    enum State {
      case opening(Task<OrganizationStore, any Error>)
      case open(OrganizationStore)
    }

    let id: OrganizationID
    /// Tells this opening of the organization from later ones.
    let number: UInt64
    var state: State
    /// Operations using the store now (or waiting for it to open).
    var leases = 0
    /// Neighbours in the idle list; the dictionary owns the slots.
    fileprivate weak var older: Slot?
    fileprivate weak var newer: Slot?
    fileprivate var isIdleListed = false

    init(id: OrganizationID, number: UInt64, state: State) {
      self.id = id
      self.number = number
      self.state = state
    }

    var store: OrganizationStore? {
      if case .open(let store) = state { return store }
      return nil
    }
  }

  private var slots: [OrganizationID: Slot] = [:]
  /// The least recently released idle slot, evicted first.
  private var oldestIdle: Slot?
  private var newestIdle: Slot?

  /// Open and opening databases.
  var count: Int { slots.count }

  subscript(id: OrganizationID) -> Slot? { slots[id] }

  /// Every slot without a lease.
  var idle: [Slot] { slots.values.filter { $0.leases == 0 } }

  mutating func insert(_ slot: Slot) {
    precondition(slots[slot.id] == nil, "organization \(slot.id) is open twice")
    slots[slot.id] = slot
    if slot.leases == 0, slot.store != nil { appendIdle(slot) }
  }

  /// Takes a lease on `slot`, which stops being idle.
  mutating func lease(_ slot: Slot) {
    slot.leases += 1
    if slot.isIdleListed { unlinkIdle(slot) }
  }

  /// Gives back a lease; a slot without leases becomes the most recently used idle one.
  mutating func release(_ slot: Slot) {
    precondition(slot.leases > 0, "organization \(slot.id) released more than leased")
    slot.leases -= 1
    // Only an open store is idle: one whose opening failed is about to be removed.
    if slot.leases == 0, slots[slot.id] === slot, slot.store != nil { appendIdle(slot) }
  }

  /// Removes `slot` if it is still the one for its organization.
  mutating func remove(_ slot: Slot) {
    guard slots[slot.id] === slot else { return }
    slots[slot.id] = nil
    if slot.isIdleListed { unlinkIdle(slot) }
  }

  /// Removes and returns the least recently released idle slot, if any.
  mutating func removeOldestIdle() -> Slot? {
    guard let victim = oldestIdle else { return nil }
    remove(victim)
    return victim
  }

  private mutating func appendIdle(_ slot: Slot) {
    guard !slot.isIdleListed else { return }
    slot.isIdleListed = true
    slot.older = newestIdle
    slot.newer = nil
    newestIdle?.newer = slot
    newestIdle = slot
    if oldestIdle == nil { oldestIdle = slot }
  }

  private mutating func unlinkIdle(_ slot: Slot) {
    slot.isIdleListed = false
    if let older = slot.older { older.newer = slot.newer } else { oldestIdle = slot.newer }
    if let newer = slot.newer { newer.older = slot.older } else { newestIdle = slot.older }
    slot.older = nil
    slot.newer = nil
  }
}
