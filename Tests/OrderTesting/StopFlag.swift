import Synchronization

/// Tells a task that loops (a writer beside a test) to stop after its current step:
/// cancelling it could interrupt that step and fail it.
public final class StopFlag: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public var isSet: Bool { self.flag.load(ordering: .relaxed) }

  public func set() { self.flag.store(true, ordering: .relaxed) }
}
