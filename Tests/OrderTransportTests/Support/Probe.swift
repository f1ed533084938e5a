/// Records what handlers saw, for tests to wait on. A waiting test suspends until the
/// event it needs is recorded; nothing polls.
actor Probe {
  private struct Waiter {
    var condition: @Sendable ([String]) -> Bool
    var continuation: CheckedContinuation<Bool, Never>
  }

  private(set) var events: [String] = []
  private var waiters: [Int: Waiter] = [:]
  private var nextWaiterID = 0

  func record(_ event: String) {
    self.events.append(event)
    for (id, waiter) in self.waiters where waiter.condition(self.events) {
      self.waiters.removeValue(forKey: id)
      waiter.continuation.resume(returning: true)
    }
  }

  func count(_ event: String) -> Int {
    self.events.count { $0 == event }
  }

  /// Waits until `event` has been recorded; false if it was not within `timeout`.
  func wait(for event: String, timeout: Duration = .seconds(30)) async -> Bool {
    await self.wait(until: { $0.contains(event) }, timeout: timeout)
  }

  /// Waits until the events recorded so far satisfy `condition`; false if they did not
  /// within `timeout` (a bound for a broken test, not a step of a working one).
  func wait(until condition: @escaping @Sendable ([String]) -> Bool, timeout: Duration = .seconds(30)) async -> Bool {
    if condition(self.events) { return true }
    let id = self.nextWaiterID
    self.nextWaiterID += 1
    return await withTaskGroup(of: Bool.self) { group in
      group.addTask { await self.suspend(id, until: condition) }
      group.addTask {
        try? await Task.sleep(for: timeout)
        await self.giveUp(id)
        return false
      }
      let met = await group.next() ?? false
      group.cancelAll()
      return met
    }
  }

  private func suspend(_ id: Int, until condition: @escaping @Sendable ([String]) -> Bool) async -> Bool {
    if condition(self.events) { return true }
    return await withCheckedContinuation { continuation in
      self.waiters[id] = Waiter(condition: condition, continuation: continuation)
    }
  }

  private func giveUp(_ id: Int) {
    self.waiters.removeValue(forKey: id)?.continuation.resume(returning: false)
  }
}
