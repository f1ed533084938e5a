import Foundation
import GRDB
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderTesting
import OrderTransport
import SwiftProtobuf

/// Reads what the clients were told and what the databases hold, and lists every
/// difference. It reads the SQLite files itself (read-only), not through orderd's storage.
public struct SoakChecker: Sendable {
  let setup: SoakSetup
  let entries: [SoakEntry]
  let dataDirectory: URL

  public init(setup: SoakSetup, entries: [SoakEntry], dataDirectory: URL) {
    self.setup = setup
    self.entries = entries
    self.dataDirectory = dataDirectory
  }

  var acknowledged: [SoakEntry] { self.entries.filter { $0.response != nil } }

  /// Every acknowledged call, made again with its idempotency key, answers the same bytes.
  public func checkReplays(address: String) async throws -> [String] {
    let parts = address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    return try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let caller = SoakCaller(grpc: grpc, rootKey: self.setup.rootKey, tenantKey: self.setup.tenantKey)
      var anomalies: [String] = []
      for entry in self.acknowledged {
        let path = entry.method.dropFirst()
        let slash = path.lastIndex(of: "/")!
        let method = MethodDescriptor(
          fullyQualifiedService: String(path[..<slash]), method: String(path[path.index(after: slash)...]))
        let (result, _) = try await caller.call(
          method, as: entry.caller, idempotencyKey: entry.idempotencyKey, request: Array(entry.request))
        switch result {
        case .success(let bytes) where Data(bytes) == entry.response: break
        case .success:
          anomalies.append("replay of \(entry.method) #\(entry.client)-\(entry.sequence) answered differently")
        case .failure(let error):
          anomalies.append("replay of \(entry.method) #\(entry.client)-\(entry.sequence) failed: \(error)")
        }
      }
      return anomalies
    }
  }

  /// Waits (up to 2 minutes) until the tenant's backorders are relayed and no job is due.
  public func waitForSettledWork(server: ServerProcess) async throws -> [String] {
    let now = try await self.serverNow(address: server.address)
    var last: [String] = []
    for _ in 0..<600 {
      last = try self.pendingWork(now: now)
      if last.isEmpty { return [] }
      try await Task.sleep(for: .milliseconds(200))
    }
    return last
  }

  func serverNow(address: String) async throws -> Date {
    let parts = address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    return try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let caller = SoakCaller(grpc: grpc, rootKey: self.setup.rootKey, tenantKey: self.setup.tenantKey)
      let clock = try await caller.read(
        Orders_V1_ClockService.Method.GetClock.descriptor, as: .root, request: Orders_V1_GetClockRequest(),
        Orders_V1_ClockState.self)
      return self.setup.simulatedClock ? clock.now.date : Date()
    }
  }

  func pendingWork(now: Date) throws -> [String] {
    var pending: [String] = []
    for (name, file) in try self.organizationFiles() {
      try Self.read(file) { db in
        // A file created but never opened by the server has no tables yet.
        guard try db.tableExists("backorderOutbox") else { return }
        let outbox = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM backorderOutbox") ?? 0
        if outbox > 0 { pending.append("\(name): \(outbox) backorders not relayed") }
        let due = try Row.fetchAll(db, sql: "SELECT kind, dueAt FROM jobs").filter { ($0["dueAt"] as Date) <= now }
        if !due.isEmpty {
          pending.append("\(name): \(due.count) due jobs left behind (\(due.map { $0["kind"] as String }))")
        }
      }
    }
    return pending
  }

  /// Exactly-once, flows, invoices, backorder order, registry, on the stopped server's files.
  public func checkDatabases() throws -> [String] {
    var anomalies: [String] = []
    let tenantFile = self.dataDirectory.appendingPathComponent("orgs/\(self.setup.tenantID).sqlite")
    let registry = self.dataDirectory.appendingPathComponent("registry.sqlite")
    let orders = self.acknowledgedOrderIDs()
    try Self.read(tenantFile) { db in
      // Every order made by a call exists once and was acknowledged; none is left over.
      let stored = try Row.fetchAll(db, sql: "SELECT id, type FROM orders WHERE createdBy LIKE 'admin:%'")
      let storedIDs = Set(stored.map { $0["id"] as String })
      for id in orders.subtracting(storedIDs) { anomalies.append("acknowledged order \(id) is missing") }
      for id in storedIDs.subtracting(orders) {
        anomalies.append("order \(id) exists but no call was acknowledged for it")
      }
      anomalies += try Self.checkFlows(db)
      anomalies += try Self.checkInvoices(db)
    }
    let root = try Self.read(registry) { db in
      try String.fetchOne(db, sql: "SELECT id FROM organizations WHERE kind = 'root'")!
    }
    try Self.read(self.dataDirectory.appendingPathComponent("orgs/\(root).sqlite")) { db in
      let sequences = try Int64.fetchAll(
        db, sql: "SELECT sourceSequence FROM backorders WHERE tenantOrganizationID = ? ORDER BY receivedAt, id",
        arguments: [self.setup.tenantID])
      let sent = try Self.read(tenantFile) { tenant in
        try Int64.fetchOne(tenant, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'backorderOutbox'") ?? 0
      }
      if sequences != Array(1...max(1, sent)).prefix(Int(sent)).map({ $0 }) {
        anomalies.append(
          "the parent received backorders \(sequences.count) of \(sent), not exactly once in order: \(sequences.prefix(20))"
        )
      }
    }
    try Self.read(registry) { db in
      let children = Set(
        try String.fetchAll(
          db, sql: "SELECT id FROM organizations WHERE parentID = ?", arguments: [self.setup.tenantID]))
      let created = self.acknowledgedIDs(of: "CreateOrganization") { bytes in
        try Orders_V1_CreateOrganizationResponse(serializedBytes: bytes).organization.id
      }
      if children != created {
        anomalies.append(
          "organizations: \(children.count) exist under the tenant, \(created.count) were acknowledged "
            + "(extra: \(children.subtracting(created).count), missing: \(created.subtracting(children).count))")
      }
      let keys = Set(
        try String.fetchAll(
          db, sql: "SELECT id FROM apiKeys WHERE organizationID = ?", arguments: [self.setup.tenantID]))
      let issued = self.acknowledgedIDs(of: "CreateKey") { try Orders_V1_IssuedKey(serializedBytes: $0).key.id }
      let extraKeys = keys.subtracting(issued).count - 1  // the tenant's first admin key
      if extraKeys != 0 || !issued.isSubset(of: keys) {
        anomalies.append("keys: \(keys.count) exist in the tenant, \(issued.count) + 1 were acknowledged")
      }
    }
    return anomalies
  }

  func acknowledgedOrderIDs() -> Set<String> {
    self.acknowledgedIDs(of: "PlaceOrder") { try Orders_V1_Order(serializedBytes: $0).id }.union(
      self.acknowledgedIDs(of: "ChangeSubscription") {
        try Orders_V1_ChangeSubscriptionResponse(serializedBytes: $0).order.id
      }
    ).subtracting([""])
  }

  func acknowledgedIDs(of method: String, _ id: (Data) throws -> String) -> Set<String> {
    Set(self.acknowledged.filter { $0.method.hasSuffix("/\(method)") }.compactMap { try? id($0.response!) })
  }

  /// Each order's status history starts in an initial status of its flow and takes only its edges.
  static func checkFlows(_ db: Database) throws -> [String] {
    var anomalies: [String] = []
    let types = try Dictionary(
      uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, type FROM orders").map {
        ($0["id"] as String, $0["type"] as String)
      })
    let changes = try Row.fetchAll(db, sql: "SELECT orderID, fromStatus, toStatus FROM orderStatusChanges ORDER BY id")
    var current: [String: String] = [:]
    for change in changes {
      let id: String = change["orderID"]
      guard let type = types[id].flatMap(OrderType.init(rawValue:)) else { continue }
      let flow = OrderFlow.of(type)
      let from: String? = change["fromStatus"]
      let to: String = change["toStatus"]
      let toStatus = OrderStatus(to)
      guard flow.statuses.contains(toStatus) else {
        anomalies.append("order \(id): \(to) is not a status of its flow")
        continue
      }
      if let from {
        if current[id] != from {
          anomalies.append("order \(id): history jumps from \(current[id] ?? "nothing") to \(from)")
        }
        if !flow.allows(from: OrderStatus(from), to: toStatus) {
          anomalies.append("order \(id) (\(type)): \(from) → \(to) is not in its flow")
        }
      } else if current[id] != nil || !flow.initial.contains(toStatus) {
        anomalies.append("order \(id) (\(type)): starts in \(to)")
      }
      current[id] = to
    }
    return anomalies
  }

  /// Each invoice's lines add up to its total.
  static func checkInvoices(_ db: Database) throws -> [String] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT invoices.id, invoices.totalMinor, COALESCE(SUM(invoiceLines.amountMinor), 0) AS lines
        FROM invoices LEFT JOIN invoiceLines ON invoiceLines.invoiceID = invoices.id GROUP BY invoices.id
        """
    ).compactMap { row in
      let total: Int64 = row["totalMinor"]
      let lines: Int64 = row["lines"]
      return total == lines ? nil : "invoice \(row["id"] as String): total \(total), lines add up to \(lines)"
    }
  }

  func organizationFiles() throws -> [(String, URL)] {
    let folder = self.dataDirectory.appendingPathComponent("orgs")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sqlite") }.map {
      ($0, folder.appendingPathComponent($0))
    }
  }

  /// Runs `body` in a read transaction on `file`. The connection is not opened read-only:
  /// SQLite's read-only connections cannot join a WAL database another process writes.
  static func read<T>(_ file: URL, _ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.busyMode = .timeout(10)
    return try DatabaseQueue(path: file.path, configuration: configuration).read(body)
  }
}
