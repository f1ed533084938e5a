import OrderTesting
import Testing

@testable import OrderServer

/// The waiting primitives of the background runner and the notification bell: suspension
/// on continuations, nothing lost, cancellation handled.
@Suite("Signals and the serial gate", .timeLimit(.minutes(1)))
struct SignalTests {
  @Test("a ring wakes a waiter; a ring before the wait is not lost")
  func ringWakes() async {
    let signal = KeyedSignal<String>()
    let seen = signal.generation("a")
    signal.ring("a")
    await signal.wait("a", after: seen)  // returns at once: the ring came first
    let waiter = Task { await signal.wait("a", after: signal.generation("a")) }
    #expect(await eventually { signal.waiterCount == 1 })
    signal.ring("b")
    #expect(signal.waiterCount == 1, "a ring of another key woke the waiter")
    signal.ring("a")
    await waiter.value
    #expect(signal.waiterCount == 0)
  }

  @Test("after a hundred timed-out waits the signal still wakes a waiter at once")
  func timeoutsDoNotBreakIt() async {
    let signal = KeyedSignal<Int>()
    for _ in 0..<100 {
      let woke = await signal.wait(0, after: signal.generation(0), timeout: .milliseconds(1))
      #expect(!woke)
    }
    #expect(signal.waiterCount == 0)
    let seen = signal.generation(0)
    let waiter = Task { await signal.wait(0, after: seen, timeout: .seconds(60)) }
    #expect(await eventually { signal.waiterCount == 1 })
    signal.ring(0)
    #expect(await waiter.value)
  }

  @Test("cancelling a waiter resumes it and leaves the others waiting")
  func cancellation() async {
    let signal = KeyedSignal<Int>()
    let seen = signal.generation(0)
    let cancelled = Task { await signal.wait(0, after: seen) }
    let other = Task { await signal.wait(0, after: seen) }
    #expect(await eventually { signal.waiterCount == 2 })
    cancelled.cancel()
    await cancelled.value
    #expect(signal.waiterCount == 1)
    signal.ring(0)
    await other.value
  }

  @Test("closing resumes every waiter and later waits return at once")
  func closing() async {
    let signal = KeyedSignal<Int>()
    let waiters = (0..<3).map { key in Task { await signal.wait(key, after: 0) } }
    #expect(await eventually { signal.waiterCount == 3 })
    signal.close()
    for waiter in waiters { await waiter.value }
    await signal.wait(9, after: 0)
    #expect(signal.isClosed)
  }

  @Test("the gate lets one operation through at a time, in arrival order")
  func gateOrder() async throws {
    let gate = SerialGate()
    let log = Log()
    let release = KeyedSignal<Int>()
    let holder = Task {
      try await gate.run {
        await log.append(0)
        await release.wait(0, after: 0)
      }
    }
    #expect(await eventually { await log.count == 1 })
    var followers: [Task<Void, any Error>] = []
    for index in 1...3 {
      followers.append(Task { try await gate.run { await log.append(index) } })
      #expect(await eventually { gate.waitingCount == index })
    }
    #expect(await log.count == 1, "an operation ran while another held the gate")
    release.ring(0)
    try await holder.value
    for follower in followers { try await follower.value }
    #expect(await log.entries == [0, 1, 2, 3])
  }

  @Test("a caller cancelled while it waits for the gate leaves at once; the gate keeps working")
  func gateCancellation() async throws {
    let gate = SerialGate()
    let release = KeyedSignal<Int>()
    let holder = Task { try await gate.run { await release.wait(0, after: 0) } }
    #expect(await eventually { release.waiterCount == 1 })
    let waiting = Task { try await gate.run { 1 } }
    #expect(await eventually { gate.waitingCount == 1 })
    waiting.cancel()
    await #expect(throws: CancellationError.self) { try await waiting.value }
    #expect(gate.waitingCount == 0)
    release.ring(0)
    try await holder.value
    #expect(try await gate.run { 2 } == 2)
  }
}

private actor Log {
  var entries: [Int] = []
  var count: Int { self.entries.count }
  func append(_ value: Int) { self.entries.append(value) }
}
