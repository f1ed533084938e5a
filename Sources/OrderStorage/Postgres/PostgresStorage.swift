import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// A node's PostgreSQL storage (issue 14): one connection pool for the whole process, and
/// the threads that run its synchronous transactions.
///
/// The storage's transactions are synchronous closures, as on SQLite. Each one runs on a
/// thread of ``threads`` that blocks on its statements (``PostgresSession``); the connection
/// is leased first and the thread taken after, so threads never wait for connections and at
/// most ``PostgresLocation/poolSize`` of them block at once. Nothing blocks Swift's
/// cooperative pool or an event loop.
///
/// ``run()`` must run (in the background) for as long as the storage is used.
public final class PostgresStorage: Sendable {
  public let location: PostgresLocation
  let client: PostgresClient
  /// Blocking threads: one per pooled connection, and two spare.
  let threads: NIOThreadPool
  let logger: Logger

  /// Settings of every connection, pooled or listening: a transaction left open by a frozen
  /// node ends after a minute (releasing its locks); the server probes a silent connection
  /// after 10 s, every 5 s, and drops it after 3 unanswered probes, so a node that vanished
  /// (power lost, cut off) gives up its sessions and their locks within about 25 s.
  static let startupParameters = [
    ("idle_in_transaction_session_timeout", "60s"), ("tcp_keepalives_idle", "10"), ("tcp_keepalives_interval", "5"),
    ("tcp_keepalives_count", "3"),
  ]

  public init(_ location: PostgresLocation, logger: Logger = Logger(label: "orderd.postgres")) {
    self.location = location
    self.logger = logger
    var configuration = PostgresClient.Configuration(
      host: location.host, port: location.port, username: location.user, password: location.password,
      database: location.database, tls: Self.clientTLS(location.tls))
    configuration.options.maximumConnections = location.poolSize
    configuration.options.additionalStartupParameters = Self.startupParameters
    self.client = PostgresClient(configuration: configuration, backgroundLogger: PoolStartWarningFilter.logger(logger))
    self.threads = NIOThreadPool(numberOfThreads: location.poolSize + 2)
  }

  /// Starts the threads and runs the connection pool until the task is cancelled, then
  /// closes its connections and stops the threads. Call once.
  public func run() async {
    threads.start()
    await client.run()
    try? await threads.shutdownGracefully()
  }

  /// Runs `body` with a storage at `location` running, then stops it (tests and tools).
  public static func withRunning<T>(
    _ location: PostgresLocation, logger: Logger = Logger(label: "orderd.postgres"),
    _ body: (PostgresStorage) async throws -> T
  ) async throws -> T {
    let storage = PostgresStorage(location, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await storage.run() }
      defer { group.cancelAll() }
      return try await body(storage)
    }
  }

  /// Runs `body` in one transaction on a pooled connection: committed when it returns,
  /// rolled back when it throws (see ``PostgresSession/inTransaction(_:prologue:_:)``).
  ///
  /// - Throws: PostgreSQL's errors as they are (callers convert them at their boundary), or
  ///   ``PostgresUnreachable`` when no connection could be had.
  @discardableResult
  func transaction<T: Sendable>(
    _ kind: PostgresTransactionKind, prologue: [String] = [],
    _ body: @escaping @Sendable (PostgresSession) throws -> T
  ) async throws -> T {
    try await withSession { session in try session.inTransaction(kind, prologue: prologue, body) }
  }

  /// Runs `body` on a pooled connection outside of any transaction: each statement commits
  /// by itself (`CREATE DATABASE`, `NOTIFY` in tests, maintenance).
  @discardableResult
  func withoutTransaction<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
    try await withSession(body)
  }

  /// Leases a connection, then a thread, and runs `body` on that thread with a session of
  /// that connection.
  ///
  /// A connection found closed when leased (the server ended it, and the pool has not heard
  /// yet) is given back and another one leased, a few times: nothing was sent on it.
  private func withSession<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
    var attempt = 0
    while true {
      do {
        return try await leasedSession(body)
      } catch is ClosedWhenLeased where attempt < 4 {
        attempt += 1
        try await Task.sleep(for: .milliseconds(5 << attempt))
      } catch is ClosedWhenLeased {
        throw PostgresConnectionLost()
      }
    }
  }

  private func leasedSession<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) throws -> T) async throws -> T {
    var leased = false
    do {
      return try await client.withConnection { connection in
        leased = true
        if connection.isClosed { throw ClosedWhenLeased() }
        return try await threads.runIfActive { [logger] in
          try body(PostgresSession(connection: connection, logger: logger))
        }
      }
    } catch let error where !leased {
      // The pool answers a cancelled wait with its own error.
      if Task.isCancelled || error is CancellationError { throw CancellationError() }
      throw PostgresUnreachable(location: location, cause: error)
    }
  }

  /// The TLS of pooled connections.
  static func clientTLS(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
    switch mode {
    case .disable: return .disable
    case .prefer: return .prefer(mode.clientConfiguration)
    case .require, .verifyFull: return .require(mode.clientConfiguration)
    }
  }

}

/// The pool handed out a connection that is already closed.
private struct ClosedWhenLeased: Error {}

/// No connection to the PostgreSQL server could be had: it is down, unreachable, or refuses
/// the storage's user, password or database.
struct PostgresUnreachable: Error, CustomStringConvertible {
  let location: PostgresLocation
  let cause: any Error

  var description: String { "cannot connect to \(location): \(String(reflecting: cause))" }
}
