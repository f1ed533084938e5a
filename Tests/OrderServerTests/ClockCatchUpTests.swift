import Foundation
import OrderServer
import Testing

/// Issue 14: a node's simulated clock catches up with the shared one, forward only.
@Suite("The clock catching up", .timeLimit(.minutes(1)))
struct ClockCatchUpTests {
  static let start = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

  @Test("F6: a simulated clock catches up forward only; an older or repeated time leaves it as it is")
  func forwardOnly() throws {
    let clock = ServerClock(mode: .simulated(start: Self.start))
    #expect(clock.catchUp(to: Self.start + 3600))
    #expect(clock.now() == Self.start + 3600)
    #expect(!clock.catchUp(to: Self.start + 60))
    #expect(!clock.catchUp(to: Self.start + 3600))
    #expect(clock.now() == Self.start + 3600)
    // Advances go on from the time caught up with, and refuse to go back behind it.
    #expect(throws: ClockError.self) { try clock.advance(to: Self.start + 60) }
    #expect(try clock.advance(to: Self.start + 7200) == Self.start + 7200)
  }

  @Test("F6: a system clock ignores catching up")
  func systemClock() {
    let clock = ServerClock(mode: .system)
    #expect(!clock.catchUp(to: .distantFuture))
    #expect(clock.now() < .distantFuture)
  }
}
