import Logging
import NIOSSL
import PostgresNIO

extension PostgresStorage {
  /// Connects once to `location` outside any pool, runs `SELECT 1` and disconnects; fails
  /// within the connection's timeout (10 s) when the server cannot be reached or refuses the
  /// user, password or database. A pool, by contrast, waits and retries for as long as it
  /// runs: a tool checks first, so that a wrong URL is an error and not a hang.
  ///
  /// - Throws: ``StorageFailure`` of kind ``StorageFailure/Kind/unreachable``.
  public static func checkConnection(to location: PostgresLocation, logger: Logger) async throws {
    do {
      try await connectOnce(to: location, logger: logger)
    } catch {
      throw StorageFailure.converting(PostgresUnreachable(location: location, cause: error), in: .registry)
    }
  }

  /// Waits until `location` answers, as a node that starts before its database server does:
  /// tries to connect, and while the server cannot be reached (or is starting or stopping)
  /// logs a warning and tries again after 1 s, doubling up to 30 s.
  ///
  /// A server that answers but refuses this node (no such database, role or password, no
  /// right to connect; SSL refused or a certificate that does not verify) will not change its
  /// mind: that is thrown at once, so that a wrong `--storage` stops the node with a reason
  /// instead of keeping it waiting unseen.
  ///
  /// - Throws: ``PostgresRefusal`` when refused; `CancellationError` when the task is
  ///   cancelled while waiting.
  public static func waitUntilReachable(
    _ location: PostgresLocation, logger: Logger, maximumDelay: Duration = .seconds(30)
  ) async throws {
    var delay = Duration.seconds(1)
    var failures = 0
    while true {
      do {
        try await connectOnce(to: location, logger: logger)
        if failures > 0 { logger.notice("connected to PostgreSQL at \(location) after \(failures) failed attempts") }
        return
      } catch {
        let reason = describe(error)
        if refusesForGood(error) { throw PostgresRefusal(location: location, reason: reason) }
        failures += 1
        logger.warning("waiting for PostgreSQL at \(location): \(reason); trying again in \(delay)")
        try await Task.sleep(for: delay)
        delay = min(delay * 2, maximumDelay)
      }
    }
  }

  /// Connects outside any pool, runs `SELECT 1` and disconnects; fails within the
  /// connection's timeout (10 s).
  private static func connectOnce(to location: PostgresLocation, logger: Logger) async throws {
    let connection = try await PostgresConnection.connect(
      configuration: try location.connectionConfiguration(), id: 0, logger: logger)
    do {
      _ = try await connection.query("SELECT 1", logger: logger).collect()
    } catch {
      try? await connection.close()
      throw error
    }
    try? await connection.close()
  }

  /// Whether a failure to connect is the server's answer that will not change by waiting:
  /// SQLSTATE class 28 (role or password), 3D000 (no such database), 42501 (no right to
  /// connect), SSL refused, or TLS that failed (a certificate that does not verify). A
  /// server starting or stopping (57P03), too many connections (53300), a refused or timed
  /// out connection are waited out.
  static func refusesForGood(_ error: any Error) -> Bool {
    if error is NIOSSLError { return true }
    guard let error = error as? PSQLError else { return false }
    switch error.code {
    case .sslUnsupported: return true
    case .server:
      let state = error.serverInfo?[.sqlState] ?? ""
      return state.hasPrefix("28") || state == "3D000" || state == "42501"
    case .connectionError:
      return error.underlying is NIOSSLError
    default:
      return false
    }
  }

  /// A person's reading of a failure to connect: the server's message and SQLSTATE, or the
  /// client's error.
  private static func describe(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      if let state = error.serverInfo?[.sqlState] {
        return "\(error.serverInfo?[.message] ?? "no message") (SQLSTATE \(state))"
      }
      return "\(error.code)" + (error.underlying.map { ": \(String(describing: $0))" } ?? "")
    }
    return String(describing: error)
  }
}

extension PostgresLocation {
  /// The configuration of a connection outside the pool (the listener's, a probe's).
  func connectionConfiguration() throws -> PostgresConnection.Configuration {
    let tls: PostgresConnection.Configuration.TLS
    switch self.tls {
    case .disable: tls = .disable
    case .prefer: tls = .prefer(try NIOSSLContext(configuration: self.tls.clientConfiguration))
    case .require, .verifyFull: tls = .require(try NIOSSLContext(configuration: self.tls.clientConfiguration))
    }
    var configuration = PostgresConnection.Configuration(
      host: host, port: port, username: user, password: password, database: database, tls: tls)
    configuration.options.additionalStartupParameters = PostgresStorage.startupParameters
    return configuration
  }
}

extension PostgresLocation.TLSMode {
  /// The TLS client settings of this mode: unverified below `verify-full`, as libpq.
  var clientConfiguration: TLSConfiguration {
    var configuration = TLSConfiguration.makeClientConfiguration()
    if self != .verifyFull { configuration.certificateVerification = .none }
    return configuration
  }
}

/// The database server answered a node that tried to connect, and refused it for a reason
/// that waiting will not change (``PostgresStorage/refusesForGood(_:)``).
public struct PostgresRefusal: Error, CustomStringConvertible {
  /// The storage, without its password.
  public let location: PostgresLocation
  /// The server's message and SQLSTATE, or the TLS error.
  public let reason: String

  public var description: String {
    "PostgreSQL at \(location) refuses this node: \(reason); check the user, password, database and sslmode of --storage"
  }
}
