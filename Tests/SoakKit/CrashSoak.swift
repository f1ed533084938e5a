import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import OrderTransport
import SwiftProtobuf
import WireTesting

/// The crash soak: client processes run a mixed workload against `orderd` while it is
/// SIGKILLed at random moments and restarted; then the checker compares what the clients
/// were told with what the databases hold (see ``SoakChecker``).
public enum CrashSoak {
  public struct Configuration: Sendable {
    public var clients = 3
    public var operationsPerClient = 30
    public var kills = 3
    /// Random pause between kills.
    public var killInterval: ClosedRange<Double> = 0.3...1.5
    public var simulatedClock = false
    public var seed: UInt64 = 1
    public var directory: URL

    public init(directory: URL) {
      self.directory = directory
    }
  }

  public static func run(_ configuration: Configuration) async throws -> SoakReport {
    let data = configuration.directory.appendingPathComponent("data")
    let logs = configuration.directory.appendingPathComponent("logs")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    let clock = configuration.simulatedClock ? "simulated:2027-01-01T00:00:00Z" : "system"
    // Restarted on its port, which no other test can take meanwhile (see TestPorts).
    let (first, port) = try await ServerProcess.startRestartable(dataDirectory: data, clock: clock)
    var server = first
    let setup = try await Self.prepare(server: server, configuration: configuration)
    let setupFile = configuration.directory.appendingPathComponent("setup.json")
    try JSONEncoder().encode(setup).write(to: setupFile)

    // Rounds of client processes until every kill has landed under load.
    var clients: [ClientProcess] = []
    var round = 0
    func startRound() throws {
      clients += try (0..<configuration.clients).map { index in
        try ClientProcess.start(
          setup: setupFile, index: index, operations: configuration.operationsPerClient,
          seed: configuration.seed &+ UInt64(round) &* 7919,
          log: logs.appendingPathComponent("client-\(index)-round-\(round).jsonl"))
      }
      round += 1
    }
    try startRound()
    var random = SeededRandom(seed: configuration.seed)
    var kills = 0
    var advances = 0
    var killsUnderLoad = 0
    while kills < configuration.kills {
      try await Task.sleep(for: .seconds(Double.random(in: configuration.killInterval, using: &random)))
      if configuration.simulatedClock {
        advances += try await Self.advanceClock(address: server.address, setup: setup, by: "P1D") ? 1 : 0
      }
      if !clients.contains(where: \.isRunning) {
        // The round ended (maybe during the clock advance): start the next and let it get going.
        for client in clients { try await client.wait() }
        let started = clients.count
        try startRound()
        let fresh = clients[started...]
        _ = await eventually(timeout: .seconds(30), every: .milliseconds(5)) {
          fresh.contains { (try? SoakLog.read($0.log).isEmpty) == false }
        }
      }
      if clients.contains(where: \.isRunning) { killsUnderLoad += 1 }
      try await server.stop(signal: SIGKILL)
      kills += 1
      server = try await ServerProcess.start(dataDirectory: data, clock: clock, port: port)
    }
    for client in clients { try await client.wait() }
    // Everything scheduled within the workload's horizon comes due, then the relay settles.
    if configuration.simulatedClock {
      _ = try await Self.advanceClock(address: server.address, setup: setup, by: "P10D")
    }
    let entries = try clients.flatMap { try SoakLog.read($0.log) }
    let checker = SoakChecker(setup: setup, entries: entries, dataDirectory: data)
    var anomalies = try await checker.checkReplays(address: server.address)
    anomalies += try await checker.waitForSettledWork(server: server)
    try await server.stop()
    anomalies += try checker.checkDatabases()
    return SoakReport(
      kills: kills, killsUnderLoad: killsUnderLoad, clockAdvances: advances,
      acknowledged: entries.filter { $0.response != nil }.count,
      refused: entries.filter { $0.code != nil }.count, retried: entries.filter { $0.attempts > 1 }.count,
      anomalies: anomalies)
  }

  /// A tenant under the root with the SEAT product in both, one account per client.
  static func prepare(server: ServerProcess, configuration: Configuration) async throws -> SoakSetup {
    let rootKey = try server.rootKey()
    let parts = server.address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    return try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let root = SoakCaller(grpc: grpc, rootKey: rootKey, tenantKey: rootKey)
      func mutate<Response: SwiftProtobuf.Message>(
        _ method: MethodDescriptor, _ request: some SwiftProtobuf.Message, as caller: SoakCaller = root,
        _: Response.Type
      ) async throws -> Response {
        let (result, _) = try await caller.call(
          method, as: .tenant, idempotencyKey: "soak-setup-\(UUID().uuidString)", request: try request.serializedBytes()
        )
        return try Response(serializedBytes: try result.get())
      }
      let seat = Orders_V1_CreateProductRequest.with {
        $0.product = .with {
          $0.sku = "SEAT"
          $0.name = "Seat"
          $0.kind = .subscription
        }
        $0.price = "3.00"
      }
      _ = try await mutate(Orders_V1_CatalogService.Method.CreateProduct.descriptor, seat, Orders_V1_Product.self)
      let tenant = try await mutate(
        Orders_V1_OrganizationService.Method.CreateOrganization.descriptor,
        Orders_V1_CreateOrganizationRequest.with {
          $0.name = "Soak tenant"
          $0.kind = .tenant
        }, Orders_V1_CreateOrganizationResponse.self)
      let tenantCaller = SoakCaller(grpc: grpc, rootKey: rootKey, tenantKey: tenant.adminKey.secret)
      _ = try await mutate(
        Orders_V1_CatalogService.Method.CreateProduct.descriptor, seat, as: tenantCaller, Orders_V1_Product.self)
      var accounts: [String] = []
      for index in 0..<configuration.clients {
        let account = try await mutate(
          Orders_V1_AccountService.Method.CreateAccount.descriptor,
          Orders_V1_CreateAccountRequest.with { $0.name = "Soak customer \(index)" }, as: tenantCaller,
          Orders_V1_Account.self)
        accounts.append(account.id)
      }
      return SoakSetup(
        address: server.address, rootKey: rootKey, tenantKey: tenant.adminKey.secret,
        tenantID: tenant.organization.id, accounts: accounts, simulatedClock: configuration.simulatedClock)
    }
  }

  /// Advances the simulated clock as the root admin; false if the server refused.
  static func advanceClock(address: String, setup: SoakSetup, by period: String) async throws -> Bool {
    let parts = address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    return try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let root = SoakCaller(grpc: grpc, rootKey: setup.rootKey, tenantKey: setup.tenantKey)
      let (result, _) = try await root.call(
        Orders_V1_ClockService.Method.AdvanceClock.descriptor, as: .root,
        idempotencyKey: "soak-clock-\(UUID().uuidString)",
        request: try Orders_V1_AdvanceClockRequest.with { $0.by = period }.serializedBytes())
      if case .failure = result { return false }
      return true
    }
  }
}

/// What a soak run did and found.
public struct SoakReport: Sendable, CustomStringConvertible {
  public var kills: Int
  /// Kills made while client processes were running (the rest would prove little).
  public var killsUnderLoad: Int
  public var clockAdvances: Int
  public var acknowledged: Int
  public var refused: Int
  public var retried: Int
  public var anomalies: [String]

  public var description: String {
    var text =
      "kills: \(self.kills) (\(self.killsUnderLoad) with clients running), clock advances: \(self.clockAdvances), "
      + "calls acknowledged: \(self.acknowledged), "
      + "answered with an error: \(self.refused), needed more than one attempt: \(self.retried), "
      + "anomalies: \(self.anomalies.count)"
    for anomaly in self.anomalies.prefix(50) { text += "\n  - \(anomaly)" }
    return text
  }
}

/// A `crash-soak client` child process.
final class ClientProcess: Sendable {
  let process: ChildProcess
  let log: URL

  private init(process: ChildProcess, log: URL) {
    self.process = process
    self.log = log
  }

  static func start(setup: URL, index: Int, operations: Int, seed: UInt64, log: URL) throws -> ClientProcess {
    let process = try ChildProcess(
      executable: try Executables.url(of: "crash-soak"),
      arguments: [
        "client", "--setup", setup.path, "--index", "\(index)", "--operations", "\(operations)", "--seed", "\(seed)",
        "--log", log.path,
      ])
    return ClientProcess(process: process, log: log)
  }

  var isRunning: Bool { self.process.isRunning }

  func wait() async throws {
    try await onOwnThread { self.process.waitUntilExit() }
    guard self.process.terminationStatus == 0 else {
      throw SoakFailure("client \(self.log.lastPathComponent) exited with status \(self.process.terminationStatus)")
    }
  }
}

public struct SoakFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
