import Foundation
import OrderDomain
import OrderTesting
import Testing

@testable import OrderServer
@testable import OrderStorage

/// Issue 13: the early wake-up that covers a write's jobs is written once for a busy
/// organization, not before every write, and is never moved later under a write.
@Suite("Early wake-ups of writes that may enqueue jobs", .timeLimit(.minutes(2)))
struct WorkWakeupsTests {
  private static let start = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

  /// A registry in a fresh directory with one organization, and the wake-ups over it.
  private func withWakeups(_ body: (WorkWakeups, Registry, OrganizationID) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-wakeups-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let registry = try Registry(directory: DataDirectory(url))
    defer { try? registry.close() }
    let organization = try await registry.bootstrap(now: Self.start).root.id
    let wakeups = WorkWakeups(registry: registry, clock: ServerClock(mode: .simulated(start: Self.start)))
    try await body(wakeups, registry, organization)
  }

  @Test("F6: ten writes in a row write one early wake-up, due now")
  func oneEarlyWakeupForABusyOrganization() async throws {
    try await withWakeups { wakeups, registry, organization in
      let before = registry.groupCommit.statistics.writes
      for _ in 0..<10 {
        try await wakeups.preparing(organization) { _ in }
      }
      #expect(registry.groupCommit.statistics.writes - before == 1)
      #expect(try await registry.dueWakeups(by: Self.start).map(\.0) == [organization])
    }
  }

  @Test("F6: settling moves the wake-up later; the next write marks it due again")
  func settleThenWriteMarksAgain() async throws {
    try await withWakeups { wakeups, registry, organization in
      try await wakeups.preparing(organization) { _ in }
      let later = Self.start.addingTimeInterval(14 * 86_400)
      #expect(try await wakeups.settle(organization, next: later, seen: wakeups.writes(organization)))
      #expect(try await registry.dueWakeups(by: Self.start).isEmpty)
      try await wakeups.preparing(organization) { _ in }
      #expect(try await registry.dueWakeups(by: Self.start).map(\.0) == [organization])
    }
  }

  @Test("F6: a write that began after the runner looked keeps the wake-up due")
  func settleRefusedUnderAWrite() async throws {
    try await withWakeups { wakeups, registry, organization in
      try await wakeups.preparing(organization) { _ in }
      let seen = wakeups.writes(organization)
      let later = Self.start.addingTimeInterval(14 * 86_400)
      // During a write, and after it with the snapshot taken before it: both refused.
      let refusedDuring = try await wakeups.preparing(organization) { _ async throws in
        try await !wakeups.settle(organization, next: later, seen: wakeups.writes(organization))
      }
      #expect(refusedDuring)
      #expect(try await !wakeups.settle(organization, next: later, seen: seen))
      #expect(try await registry.dueWakeups(by: Self.start).map(\.0) == [organization])
    }
  }
}
