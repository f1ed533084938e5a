import Foundation
import GRPCCore
import OrderProtocol
import OrderServer
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("The server's clock", .timeLimit(.minutes(5)))
struct ClockTests {
  @Test("F6: a root admin advances the simulated clock by a duration and to a date, never backwards")
  func advance() async throws {
    try await TestOrderd.with { orderd in
      let clock = orderd.root.clock
      let md = orderd.root.metadata()
      let start = try await clock.getClock(.init(), metadata: md)
      #expect(start.simulated)
      #expect(start.now.date == TestOrderd.start)
      let month = try await clock.advanceClock(.with { $0.by = "P1M" }, metadata: md)
      #expect(month.now.date == Date(timeIntervalSince1970: 1_801_440_000))  // 2027-02-01
      let target = Date(timeIntervalSince1970: 1_804_118_400)  // 2027-03-04
      let moved = try await clock.advanceClock(.with { $0.to = Google_Protobuf_Timestamp(date: target) }, metadata: md)
      #expect(moved.now.date == target)
      let backwards = await statusCode {
        _ = try await clock.advanceClock(
          .with { $0.to = Google_Protobuf_Timestamp(date: TestOrderd.start) }, metadata: md)
      }
      #expect(backwards == .failedPrecondition)
      let nonsense = await statusCode { _ = try await clock.advanceClock(.with { $0.by = "one month" }, metadata: md) }
      #expect(nonsense == .invalidArgument)
      #expect(try await clock.getClock(.init(), metadata: md).now.date == target)
    }
  }

  @Test("F6: the clock is shared: every organization reads the same time, only root admins move it")
  func onlyRootMoves() async throws {
    try await TestOrderd.with { orderd in
      let (_, tenant) = try await orderd.root.createTenant("Tenant")
      let code = await statusCode {
        _ = try await tenant.clock.advanceClock(.with { $0.by = "P1D" }, metadata: tenant.metadata())
      }
      #expect(code == .permissionDenied)
      _ = try await orderd.root.clock.advanceClock(.with { $0.by = "P1D" }, metadata: orderd.root.metadata())
      let seen = try await tenant.clock.getClock(.init(), metadata: tenant.metadata())
      #expect(seen.now.date == TestOrderd.start.addingTimeInterval(86_400))
    }
  }

  @Test("the system clock cannot be moved")
  func systemClock() async throws {
    try await TestOrderd.with(clock: .system) { orderd in
      let state = try await orderd.root.clock.getClock(.init(), metadata: orderd.root.metadata())
      #expect(!state.simulated)
      let code = await statusCode {
        _ = try await orderd.root.clock.advanceClock(.with { $0.by = "P1D" }, metadata: orderd.root.metadata())
      }
      #expect(code == .failedPrecondition)
    }
  }

  @Test("objects are stamped with the server's clock, not the wall clock")
  func timestampsFollowTheClock() async throws {
    try await TestOrderd.with { orderd in
      _ = try await orderd.root.clock.advanceClock(.with { $0.by = "P10D" }, metadata: orderd.root.metadata())
      let account = try await orderd.root.createAccount("Customer")
      #expect(account.createdAt.date == TestOrderd.start.addingTimeInterval(10 * 86_400))
    }
  }
}
