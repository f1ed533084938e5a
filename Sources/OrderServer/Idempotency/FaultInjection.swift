import Logging
import Synchronization

/// The points between the steps of registry work (issue 10) where tests stop it, to prove
/// that a crash at any of them is recovered: by a retry with the same idempotency key, and at
/// the next start without one.
public enum CrashPoint: String, CaseIterable, Sendable {
  /// The organization's intent is in the registry; on a first run nothing else exists yet.
  case intentRecorded
  /// The new organization's database exists, with its settings.
  case organizationFileWritten
  /// The new organization's own account in its parent exists (B2).
  case parentAccountWritten
  /// The operation is done (the organization or key is in the registry); the answer is not
  /// sent yet. `CreateKey` reaches only this point: its work is one transaction.
  case operationDone
}

/// A hook called at each ``CrashPoint``: a no-op in production, a simulated crash in tests.
///
/// Test only. ``crash(at:)`` throws (the operation stops there, as if the process died, and
/// the call fails); ``pause(at:logger:)`` never returns, so that an end-to-end test can kill
/// the real process there (`orderd --test-pause-at`).
public struct FaultInjection: Sendable {
  let reached: @Sendable (CrashPoint) async throws -> Void

  public init(_ reached: @escaping @Sendable (CrashPoint) async throws -> Void) {
    self.reached = reached
  }

  /// No faults: what `orderd` runs with.
  public static let none = FaultInjection { _ in }

  /// Throws ``InjectedCrash`` the first time `point` is reached; later passes go on, as a
  /// retry after a restart would.
  public static func crash(at point: CrashPoint) -> FaultInjection {
    let once = Once()
    return FaultInjection { reached in
      if reached == point, once.first() { throw InjectedCrash(point: point) }
    }
  }

  /// Logs `test pause at <point>` and waits forever when `point` is reached, until the test
  /// kills the process (or the call is cancelled, which stops the operation there too).
  public static func pause(at point: CrashPoint, logger: Logger) -> FaultInjection {
    FaultInjection { reached in
      guard reached == point else { return }
      logger.critical("test pause at \(point.rawValue): waiting to be killed")
      while true { try await Task.sleep(for: .seconds(3600)) }
    }
  }

  func check(_ point: CrashPoint) async throws { try await self.reached(point) }
}

/// The error of ``FaultInjection/crash(at:)``: a simulated crash at a step.
public struct InjectedCrash: Error, CustomStringConvertible {
  public let point: CrashPoint
  public var description: String { "injected crash at \(point.rawValue)" }
}

/// True the first time it is asked, then false.
private final class Once: Sendable {
  private let asked = Mutex(false)

  func first() -> Bool {
    asked.withLock { asked in
      defer { asked = true }
      return !asked
    }
  }
}
