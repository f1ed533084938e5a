import NIOCore

/// The deadlines of one connection's calls, for a single timer per connection: the timer is
/// armed at the earliest deadline and re-armed only when a call with an earlier one opens,
/// so a steady stream of calls with the same timeout costs no timer churn.
struct DeadlineSchedule {
  private var entries: [(deadline: NIODeadline, id: UInt32)] = []
  private var deadlines: [UInt32: NIODeadline] = [:]
  /// When the armed timer fires; nil when none is armed.
  private(set) var armedAt: NIODeadline?

  var count: Int { self.entries.count }

  /// Adds a call's deadline; returns when to arm the timer if it must be (re-)armed earlier.
  mutating func add(_ id: UInt32, deadline: NIODeadline) -> NIODeadline? {
    let index = self.insertionIndex(for: deadline, id: id)
    self.entries.insert((deadline, id), at: index)
    self.deadlines[id] = deadline
    if let armed = self.armedAt, armed <= deadline { return nil }
    self.armedAt = deadline
    return deadline
  }

  /// Forgets a call that ended. The timer stays armed: it finds nothing and re-arms.
  mutating func remove(_ id: UInt32) {
    guard let deadline = self.deadlines.removeValue(forKey: id) else { return }
    let index = self.insertionIndex(for: deadline, id: id)
    if index < self.entries.count, self.entries[index].id == id { self.entries.remove(at: index) }
  }

  /// The timer fired at `now`: the calls whose deadline passed (removed) and when to arm
  /// the timer next, if any call still has a deadline.
  mutating func expire(now: NIODeadline) -> (expired: [UInt32], next: NIODeadline?) {
    let passed = self.entries.prefix { $0.deadline <= now }.map(\.id)
    self.entries.removeFirst(passed.count)
    for id in passed { self.deadlines.removeValue(forKey: id) }
    self.armedAt = self.entries.first?.deadline
    return (passed, self.armedAt)
  }

  /// The position of (deadline, id) in the entries ordered by deadline, then id.
  private func insertionIndex(for deadline: NIODeadline, id: UInt32) -> Int {
    var low = 0
    var high = self.entries.count
    while low < high {
      let middle = (low + high) / 2
      let entry = self.entries[middle]
      if entry.deadline < deadline || (entry.deadline == deadline && entry.id < id) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }
}
