import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// A node's one `LISTEN` connection (issue 14), outside the pool: the bell that tells this
/// node what other nodes committed (new notifications, due work, the simulated clock, revoked
/// keys). The log stays the truth; a notification only says when to look.
///
/// ``run()`` connects, listens on every channel, and waits; when the connection is lost it
/// connects again (after 0.1 s, doubling to 5 s while it fails). Notifications sent while no
/// connection listened are lost, so each time listening resumes ``onReconnect`` is called:
/// the node must then look everywhere, as if every bell had rung.
public final class PostgresListener: Sendable {
  /// Receives a notification's channel and payload, on an event loop: it must not block.
  public typealias Handler = @Sendable (_ channel: String, _ payload: String) -> Void

  let location: PostgresLocation
  let channels: [String]
  let logger: Logger
  let onNotification: Handler
  let onReconnect: @Sendable () -> Void
  private let state = Mutex(State())

  private struct State {
    /// The server process of the listening connection, while it listens.
    var backendPID: Int32?
    var connections = 0
  }

  /// - Parameters:
  ///   - channels: the channels to listen on, e.g. `orderd_log`.
  ///   - onNotification: called for each notification on one of `channels`.
  ///   - onReconnect: called each time listening resumes after a time without it (a lost
  ///     connection, or a first connection that took more than one attempt).
  public init(
    _ location: PostgresLocation, channels: [String], logger: Logger = Logger(label: "orderd.postgres.listener"),
    onNotification: @escaping Handler, onReconnect: @escaping @Sendable () -> Void
  ) {
    self.location = location
    self.channels = channels
    self.logger = logger
    self.onNotification = onNotification
    self.onReconnect = onReconnect
  }

  /// The server process id of the connection while it listens (`pg_backend_pid()`), `nil`
  /// between connections.
  public var backendPID: Int32? { state.withLock { $0.backendPID } }

  /// Listens until the task is cancelled, connecting again whenever the connection is lost.
  public func run() async {
    var delay = Duration.milliseconds(100)
    var resumed = false
    while !Task.isCancelled {
      do {
        try await listenOnce(resumed: resumed)
        delay = .milliseconds(100)
      } catch is CancellationError {
        break
      } catch {
        logger.warning("PostgreSQL listener: \(String(reflecting: error)); connecting again in \(delay)")
      }
      resumed = true
      guard !Task.isCancelled else { break }
      try? await Task.sleep(for: delay)
      delay = min(delay * 2, .seconds(5))
    }
  }

  /// One connection: listens on every channel, then waits until it closes or the task is
  /// cancelled.
  private func listenOnce(resumed: Bool) async throws {
    let id = state.withLock { state in
      state.connections += 1
      return state.connections
    }
    let connection = try await PostgresConnection.connect(
      configuration: try location.connectionConfiguration(), id: id, logger: logger)
    do {
      for channel in channels {
        connection.addListener(channel: channel) { [onNotification] _, notification in
          onNotification(notification.channel, notification.payload)
        }
      }
      // Statements run in order: once this answers, every LISTEN is in force.
      let rows = try await connection.query("SELECT pg_backend_pid()", logger: logger).collect()
      let pid = try rows.first?.decode(Int32.self)
      state.withLock { $0.backendPID = pid }
      if resumed { onReconnect() }
      await withTaskCancellationHandler {
        try? await connection.closeFuture.get()
      } onCancel: {
        let _: EventLoopFuture<Void> = connection.close()
      }
      state.withLock { $0.backendPID = nil }
      if Task.isCancelled { throw CancellationError() }
    } catch {
      state.withLock { $0.backendPID = nil }
      try? await connection.close()
      throw error
    }
  }
}

extension PostgresStorage {
  /// A listener on this storage's server and database (see ``PostgresListener``).
  public func listener(
    channels: [String], onNotification: @escaping PostgresListener.Handler,
    onReconnect: @escaping @Sendable () -> Void
  ) -> PostgresListener {
    PostgresListener(
      location, channels: channels, logger: logger, onNotification: onNotification, onReconnect: onReconnect)
  }
}
