import Foundation
import Testing

@testable import OrderStorage

/// Issue 14: the simulated clock's persisted time only moves forward, whichever node advances it.
@Suite("The persisted simulated clock", .timeLimit(.minutes(1)))
struct SimulatedClockStateTests {
  @Test("F6: an advance persists forward only and returns the time persisted")
  func forwardOnly() async throws {
    try await withRegistry { registry, _ async throws in
      #expect(try await registry.simulatedClock() == nil)
      #expect(try await registry.advanceSimulatedClock(to: t0 + 86_400) == t0 + 86_400)
      #expect(try await registry.simulatedClock() == t0 + 86_400)
      // Another node advanced further meanwhile: an advance to an earlier time keeps the later one.
      #expect(try await registry.advanceSimulatedClock(to: t0 + 3600) == t0 + 86_400)
      #expect(try await registry.simulatedClock() == t0 + 86_400)
      #expect(try await registry.advanceSimulatedClock(to: t0 + 40 * 86_400) == t0 + 40 * 86_400)
      #expect(try await registry.stateValue(forKey: Registry.simulatedClockKey) == "2026-02-10T00:00:00Z")
    }
  }
}
