import Foundation
import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import SwiftProtobuf

/// Reads and moves the server's clock (F6). Moving it is for root admins only, forward only.
struct ClockService: Orders_V1_ClockService.SimpleServiceProtocol {
  let deps: ServiceDependencies
  /// Persists the simulated time so a restart never moves the clock backwards.
  let persist: @Sendable (Date) async throws -> Void

  func getClock(request: Orders_V1_GetClockRequest, context: ServerContext) async throws -> Orders_V1_ClockState {
    self.state(self.deps.clock.now())
  }

  func advanceClock(request: Orders_V1_AdvanceClockRequest, context: ServerContext) async throws -> Orders_V1_ClockState
  {
    let clock = self.deps.clock
    guard clock.isSimulated else {
      throw DomainError.failedPrecondition(ClockError.notSimulated.description)
    }
    let call = try CallContext.required()
    // With an idempotency key a retried advance (say `by P1D` after a lost answer) moves the
    // clock once: the outcome is recorded in the caller's organization after the advance.
    return try await self.deps.idempotentCall(call, request: request, now: clock.now()) {
      let target: Date
      switch request.target {
      case .to(let timestamp):
        target = timestamp.date
      case .by(let text):
        guard let duration = ISO8601Duration(text), let moved = duration.added(to: clock.now()) else {
          throw DomainError.invalidArgument(
            "'\(text)' is not an ISO 8601 duration such as P1M, P10D or PT6H")
        }
        target = moved
      case nil:
        throw DomainError.invalidArgument("say where to move the clock: a time (to) or a duration (by)")
      }
      do {
        // Everything that comes due on the way runs, in time order, before this returns (F6).
        let now = try await self.deps.scheduler.advance(to: target, persist: self.persist)
        self.deps.logger.info("clock advanced", metadata: ["now": "\(now.iso8601)"])
        return self.state(now)
      } catch let error as ClockError {
        throw DomainError.failedPrecondition(error.description)
      }
    }
  }

  private func state(_ now: Date) -> Orders_V1_ClockState {
    .with {
      $0.now = Google_Protobuf_Timestamp(date: now)
      $0.simulated = self.deps.clock.isSimulated
    }
  }
}
