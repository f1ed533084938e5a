import Synchronization

/// The serving status of each service orderd serves, by fully qualified name
/// (`orders.v1.OrderService`), and of the server as a whole (the empty name), for the
/// standard health service. All are serving from the start; ``drain()`` turns every one to
/// not serving when a graceful shutdown begins, tells the watchers, and ends their watches
/// so that the shutdown can finish.
public final class HealthStatuses: Sendable {
  public enum Status: Sendable, Equatable {
    case serving
    case notServing
  }

  private struct Watcher {
    let service: String
    let continuation: AsyncStream<Status?>.Continuation
  }

  private struct State {
    var statuses: [String: Status]
    var watchers: [UInt64: Watcher] = [:]
    var nextWatcher: UInt64 = 0
    var draining = false
  }

  private let state: Mutex<State>

  /// `services`: the fully qualified names that report a status; "" (overall) is added.
  public init(services: [String]) {
    var statuses = Dictionary(uniqueKeysWithValues: services.map { ($0, Status.serving) })
    statuses[""] = .serving
    self.state = Mutex(State(statuses: statuses))
  }

  /// The status of `service`; nil for a service orderd does not serve.
  public func status(of service: String) -> Status? {
    self.state.withLock { $0.statuses[service] }
  }

  /// Every status, overall ("") included.
  public var all: [String: Status] { self.state.withLock { $0.statuses } }

  public var isDraining: Bool { self.state.withLock { $0.draining } }

  /// Sets one service's status (not the overall one; see ``drain()``) and tells its watchers.
  /// Ignored once draining: nothing becomes serving again on the way out.
  public func set(_ status: Status, for service: String) {
    let continuations = self.state.withLock { state -> [AsyncStream<Status?>.Continuation] in
      guard !state.draining, state.statuses[service] != status else { return [] }
      state.statuses[service] = status
      return state.watchers.values.filter { $0.service == service }.map(\.continuation)
    }
    for continuation in continuations { continuation.yield(status) }
  }

  /// Every status becomes not serving; each watch gets that and then ends.
  public func drain() {
    let watchers = self.state.withLock { state -> [Watcher] in
      state.draining = true
      for key in state.statuses.keys { state.statuses[key] = .notServing }
      defer { state.watchers.removeAll() }
      return Array(state.watchers.values)
    }
    for watcher in watchers {
      watcher.continuation.yield(.notServing)
      watcher.continuation.finish()
    }
  }

  /// The status of `service` now (nil: unknown), then each change, until ``drain()`` (after
  /// its not-serving) or until the consumer stops.
  public func watch(_ service: String) -> AsyncStream<Status?> {
    let (stream, continuation) = AsyncStream.makeStream(of: Status?.self, bufferingPolicy: .bufferingNewest(8))
    let id = self.state.withLock { state -> UInt64? in
      continuation.yield(state.statuses[service])
      guard !state.draining else { return nil }
      defer { state.nextWatcher += 1 }
      state.watchers[state.nextWatcher] = Watcher(service: service, continuation: continuation)
      return state.nextWatcher
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
    }
    return stream
  }
}
