import Foundation
import OrderStorage
import Synchronization

/// What a write that may enqueue jobs tells the runner: its organization's earliest job due
/// time, read in the write's own transaction. Lets ``WorkWakeups/preparing(_:_:)`` leave the
/// runner asleep when nothing comes due before it wakes anyway (issue 13: a scheduled order
/// no longer costs a pass of the runner).
final class JobDueNote: Sendable {
  private enum Noted { case nothing, earliest(Date?) }
  private let noted = Mutex(Noted.nothing)

  /// Records the organization's earliest job, inside the write's transaction, after its work.
  func record(_ tx: OrganizationTransaction) throws {
    let earliest = try tx.nextJobDueAt()
    self.noted.withLock { $0 = .earliest(earliest) }
  }

  /// Whether the write may have left work due by `deadline`: true unless it recorded that its
  /// organization's earliest job is later (or that it has none).
  func mayBeDue(by deadline: Date) -> Bool {
    self.noted.withLock { noted in
      switch noted {
      case .nothing: true
      case .earliest(nil): false
      case .earliest(let date?): date <= deadline
      }
    }
  }
}
