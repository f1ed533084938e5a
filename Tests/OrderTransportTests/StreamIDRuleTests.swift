import OrderWire
import Testing

@testable import OrderTransport

/// PROTOCOL.md §5: the server remembers only the highest stream id opened, as HTTP/2 does
/// (RFC 9113 §5.1.1: opening a stream closes every lower id never used).
@Suite("Stream id rules of the server", .timeLimit(.minutes(1)))
struct StreamIDRuleTests {
  typealias State = ServerConnectionState<String>

  static func isClosed(_ lookup: State.Lookup) -> Bool {
    if case .closed = lookup { return true }
    return false
  }

  static func isIdle(_ lookup: State.Lookup) -> Bool {
    if case .idle = lookup { return true }
    return false
  }

  @Test("ids skipped below the highest opened count as closed (frames ignored); ids above it are idle")
  func skippedIDs() {
    var state = State(maxConcurrentStreams: 10)
    guard case .opened = state.open(7, "seven") else { Issue.record("7 refused"); return }
    for id: UInt32 in [1, 3, 5] {
      #expect(Self.isClosed(state.lookup(id)), "skipped id \(id): a MESSAGE or CANCEL for it is ignored")
      guard case .violation = state.open(id, "late") else { Issue.record("skipped id \(id) opened late"); return }
    }
    for id: UInt32 in [9, 11, .max] {
      #expect(Self.isIdle(state.lookup(id)), "id \(id) above the highest: a MESSAGE or CANCEL is a violation")
    }
  }

  @Test("a refused stream's id is used up: its late frames are ignored and it cannot be opened again")
  func refusedIDs() {
    var state = State(maxConcurrentStreams: 1)
    _ = state.open(1, "one")
    guard case .refused = state.open(3, "three") else { Issue.record("3 not refused"); return }
    #expect(Self.isClosed(state.lookup(3)))
    guard case .violation = state.open(3, "again") else { Issue.record("3 opened twice"); return }
  }

  @Test("ids are 32-bit: any odd id above the highest opens, up to 2^32 − 1; the server does not stop at 2^31")
  func fullWidth() {
    var state = State(maxConcurrentStreams: 10)
    guard case .opened = state.open(1 << 31 + 1, "above 2^31") else { Issue.record("2^31 + 1 refused"); return }
    guard case .opened = state.open(.max, "last") else { Issue.record("2^32 - 1 refused"); return }
    guard case .violation = state.open(.max, "again") else { Issue.record("2^32 - 1 opened twice"); return }
    #expect(state.highestStreamID == .max)
  }
}
