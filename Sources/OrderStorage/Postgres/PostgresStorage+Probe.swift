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
      let connection = try await PostgresConnection.connect(
        configuration: try location.connectionConfiguration(), id: 0, logger: logger)
      do {
        _ = try await connection.query("SELECT 1", logger: logger).collect()
      } catch {
        try? await connection.close()
        throw error
      }
      try? await connection.close()
    } catch {
      throw StorageFailure.converting(PostgresUnreachable(location: location, cause: error), in: .registry)
    }
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
