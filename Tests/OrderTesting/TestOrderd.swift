import Foundation
import GRPCCore
import GRPCInProcessTransport
import Logging
import OrderServer
import OrderStorage

/// An orderd application in a temporary data directory, served over GRPCCore's in-process
/// transport, for tests of the service layer. The network transport has its own tests.
public struct TestOrderd: Sendable {
  public typealias Transport = InProcessTransport.Client

  public let application: OrderdApplication
  public let client: GRPCClient<InProcessTransport.Client>
  public let dataDirectory: URL
  /// The root organization's first admin key, as written to `root-admin.key`.
  public let rootKey: String

  /// The simulated time tests start at.
  public static let start = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

  /// Runs `body` against a fresh server; everything is torn down and deleted afterwards.
  ///
  /// With `backgroundWork`, the background runner works beside the server as in `orderd`
  /// (on its own clock); without it, due work runs only when a test moves the clock.
  /// With `dataDirectory`, the server works in that directory and leaves it behind, so a
  /// test can start it again on the same data (the caller deletes it). `faults` stops
  /// registry work between its steps, at start too (see ``FaultInjection``). With `logger`,
  /// the server logs there (a ``LogRecorder``'s, say); by default warnings and errors go to stderr.
  /// With `metrics`, the server records its metrics there (made on a per-test `TestMetrics`).
  public static func with<Result: Sendable>(
    clock: ServerClock.Mode = .simulated(start: TestOrderd.start),
    backgroundWork: BackgroundWorkConfiguration? = nil,
    dataDirectory: URL? = nil,
    faults: FaultInjection = .none,
    logger: Logger? = nil,
    metrics: OrderdMetrics? = nil,
    _ body: (TestOrderd) async throws -> Result
  ) async throws -> Result {
    let directory =
      dataDirectory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("orderd-test-\(UUID().uuidString)")
    defer { if dataDirectory == nil { try? FileManager.default.removeItem(at: directory) } }
    let logger =
      logger
      ?? {
        var logger = Logger(label: "orderd.test")
        logger.logLevel = .warning
        return logger
      }()
    // On PostgreSQL (``TestStorage``) a fresh server gets a database of its own; one started
    // again on a caller's directory stays on SQLite.
    guard TestStorage.isPostgres, dataDirectory == nil else {
      return try await serve(
        storage: .dataDirectory(DataDirectory(directory)), directory: directory, clock: clock,
        backgroundWork: backgroundWork, faults: faults, logger: logger, metrics: metrics, body)
    }
    return try await TestPostgres.withDatabase { location in
      try await serve(
        storage: .postgres(location), directory: directory, clock: clock, backgroundWork: backgroundWork,
        faults: faults, logger: logger, metrics: metrics, body)
    }
  }

  private static func serve<Result: Sendable>(
    storage: StorageLocation, directory: URL, clock: ServerClock.Mode, backgroundWork: BackgroundWorkConfiguration?,
    faults: FaultInjection, logger: Logger, metrics: OrderdMetrics?, _ body: (TestOrderd) async throws -> Result
  ) async throws -> Result {
    let application = try await OrderdApplication.open(
      storage: storage, keyDirectory: DataDirectory(directory), clock: clock, work: backgroundWork ?? .init(),
      faults: faults, metrics: metrics, logger: logger)
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let transport = InProcessTransport()
    let result = try await withGRPCServer(
      transport: transport.server, services: application.services, interceptors: application.interceptors
    ) { _ in
      try await withThrowingTaskGroup(of: Void.self) { group in
        if backgroundWork != nil {
          group.addTask { try await application.backgroundWork.run() }
        }
        defer { group.cancelAll() }
        return try await withGRPCClient(transport: transport.client) { client in
          try await body(
            TestOrderd(application: application, client: client, dataDirectory: directory, rootKey: rootKey))
        }
      }
    }
    try await application.close()
    return result
  }

  /// A caller holding `key`.
  public func caller(_ key: String?) -> Caller<Transport> {
    Caller(client: self.client, key: key)
  }

  /// The root organization's admin.
  public var root: Caller<Transport> { self.caller(self.rootKey) }
}
