import Foundation
import GRPCCore
import Logging
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows

/// The orderd application without its network: storage opened and bootstrapped, the clock,
/// and the RPC services with their interceptors, ready to mount on any GRPCCore transport.
public struct OrderdApplication: Sendable {
  public let registry: Registry
  public let databases: OrganizationDatabases
  public let clock: ServerClock
  public let rootOrganization: Organization
  /// What the standard health service reports; drained at the start of a graceful shutdown.
  public let health: HealthStatuses
  let scheduler: WorkScheduler
  let bell: NotificationBell
  /// This process among the nodes on the storage (issue 14): the holder of its claims on due work.
  public let node: NodeID
  let signals: any ClusterSignals
  let faults: FaultInjection
  /// Every metric of the server, made once (see ``OrderdMetrics``).
  public let metrics: OrderdMetrics
  let logger: Logger
  /// The PostgreSQL storage's connection pool, running until ``close()``; `nil` on SQLite.
  let storageRun: Task<Void, Never>?

  /// Opens (creating and migrating as needed) the data directory. On first start, creates
  /// the root organization and writes its first admin key to `root-admin.key` (mode 0600).
  /// Then finishes the registry work a crash interrupted (issue 10), before anything is served.
  ///
  /// `faults` stops registry work between its steps; tests only (see ``FaultInjection``).
  /// `metrics` defaults to swift-metrics' global factory (no-op unless bootstrapped).
  /// `signals` is what the node hears from others on its storage; alone on a data directory,
  /// nothing (see ``ClusterListening``).
  public static func open(
    dataDirectory: String, clock mode: ServerClock.Mode, openDatabaseLimit: Int = 256,
    work: BackgroundWorkConfiguration = .init(), faults: FaultInjection = .none, metrics: OrderdMetrics? = nil,
    signals: any ClusterSignals = NoClusterSignals(), logger: Logger
  ) async throws -> OrderdApplication {
    try await open(
      storage: .dataDirectory(DataDirectory(path: dataDirectory)), clock: mode, openDatabaseLimit: openDatabaseLimit,
      work: work, faults: faults, metrics: metrics, signals: signals, logger: logger)
  }

  /// Opens the storage at `storage` (issue 14), as the other `open` opens a data directory.
  /// On PostgreSQL the root's first admin key is written to
  /// `root-admin.key` in `keyDirectory` (required there; a data directory holds its own), and
  /// the pool of connections runs until ``close()``.
  public static func open(
    storage: StorageLocation, keyDirectory: DataDirectory? = nil, clock mode: ServerClock.Mode,
    openDatabaseLimit: Int = 256, work: BackgroundWorkConfiguration = .init(), faults: FaultInjection = .none,
    metrics: OrderdMetrics? = nil, signals: (any ClusterSignals)? = nil, logger: Logger
  ) async throws -> OrderdApplication {
    let opened = try await OpenedStorage.open(
      storage, keyDirectory: keyDirectory, openDatabaseLimit: openDatabaseLimit, metrics: metrics, logger: logger)
    do {
      return try await open(
        opened, clock: mode, work: work, faults: faults, signals: signals ?? opened.signals, logger: logger)
    } catch {
      await opened.stop()
      throw error
    }
  }

  private static func open(
    _ opened: OpenedStorage, clock mode: ServerClock.Mode, work: BackgroundWorkConfiguration, faults: FaultInjection,
    signals: any ClusterSignals, logger: Logger
  ) async throws -> OrderdApplication {
    let metrics = opened.metrics
    let registry = opened.registry
    let directory = opened.keyDirectory
    let node = NodeID.random()
    logger.info("node started", metadata: ["node": "\(node)"])
    if opened.isSoleProcess {
      // One process opens a data directory: a claim left in its registry is a dead process's.
      try await registry.releaseAllClaims()
    }
    let resumeFrom = try await registry.simulatedClock()
    let clock = ServerClock(mode: mode, resumeFrom: mode == .system ? nil : resumeFrom)
    let bootstrap = try await registry.bootstrap(now: clock.now())
    if let key = bootstrap.rootAdminKey {
      try directory.writeRootAdminKey(key.plaintext)
      logger.notice(
        "first start: created the root organization and its admin key",
        metadata: ["org": "\(bootstrap.root.id)", "keyFile": "\(directory.rootAdminKeyURL.path)"])
    }
    let databases = opened.databases
    await OrganizationCreation(registry: registry, databases: databases, faults: faults, logger: logger)
      .finishPending()
    let bell = NotificationBell()
    let wakeups = WorkWakeups(registry: registry, clock: clock, keptInTransaction: !opened.isSoleProcess)
    let relay = RelayBackordersJob(
      registry: registry, databases: databases, wakeups: wakeups, bell: bell, metrics: metrics.work)
    let scheduler = WorkScheduler(
      registry: registry, databases: databases, clock: clock, bell: bell, wakeups: wakeups,
      handlers: [ProvisionJob(), AssetSyncJob(), ExecuteScheduledOrderJob(), RenewJob(), ExpireAssetsJob()],
      crossOrganizationHandlers: [relay], configuration: work.scheduler, node: node, metrics: metrics.work,
      logger: logger)
    return OrderdApplication(
      registry: registry, databases: databases, clock: clock, rootOrganization: bootstrap.root,
      health: HealthStatuses(services: Self.serviceNames), scheduler: scheduler, bell: bell, node: node,
      signals: signals, faults: faults, metrics: metrics, logger: logger, storageRun: opened.run)
  }

  /// The fully qualified names of the orderd API's services, as health checks name them.
  public static let serviceNames: [String] = [
    Orders_V1_OrganizationService.descriptor, Orders_V1_KeyService.descriptor, Orders_V1_AccountService.descriptor,
    Orders_V1_CatalogService.descriptor, Orders_V1_OrderService.descriptor, Orders_V1_SubscriptionService.descriptor,
    Orders_V1_InvoiceService.descriptor, Orders_V1_VendorService.descriptor, Orders_V1_NotificationService.descriptor,
    Orders_V1_BackorderService.descriptor, Orders_V1_ClockService.descriptor,
  ].map(\.fullyQualifiedService)

  /// The RPC services of the orderd API, and the standard health service.
  public var services: [any RegistrableRPCService] {
    let deps = ServiceDependencies(
      registry: self.registry, databases: self.databases, clock: self.clock, scheduler: self.scheduler, bell: self.bell,
      faults: self.faults, metrics: self.metrics, logger: self.logger)
    let registry = self.registry
    return [
      OrganizationService(deps: deps),
      KeyService(deps: deps),
      AccountService(deps: deps),
      CatalogService(deps: deps),
      OrderService(deps: deps),
      SubscriptionService(deps: deps),
      InvoiceService(deps: deps),
      VendorService(deps: deps),
      NotificationService(deps: deps),
      BackorderService(deps: deps),
      ClockService(deps: deps) { now in
        try await registry.advanceSimulatedClock(to: now)
      },
      HealthService(statuses: self.health),
    ]
  }

  /// Request ids, call logging and metrics around everything (``ObservabilityInterceptor``),
  /// then authentication and authorization in front of every handler.
  public var interceptors: [any ServerInterceptor] {
    let registry = self.registry
    return [
      ObservabilityInterceptor(metrics: self.metrics.calls),
      AuthInterceptor(
        authenticate: { try await registry.authenticate(presentedKey: $0) },
        policy: Access.methods, rootOrganization: self.rootOrganization.id, logger: self.logger),
    ]
  }

  /// The background work (scheduled orders, renewals, provisioning, retries, the backorder
  /// relay) as a `Service` to run beside the server in the same `ServiceGroup`.
  public var backgroundWork: BackgroundWork { BackgroundWork(scheduler: self.scheduler) }

  /// Listening to the other nodes on the storage (``ClusterSignals``) as a `Service` to run
  /// beside the server: their writes ring this node's bell, wake its runner, move its clock and
  /// evict revoked keys, as its own do.
  public var clusterListening: ClusterListening {
    ClusterListening(
      signals: self.signals,
      reactions: ClusterReactions(
        bell: self.bell, wakeups: self.scheduler.wakeups, clock: self.clock, registry: self.registry))
  }

  /// How many passes over due work the background runner made so far (for tests).
  public var backgroundPasses: Int { self.scheduler.passCount }
  /// Writes that enqueued only work due after the runner's next wake, so left it asleep.
  public var backgroundWakesSkipped: Int { self.scheduler.wakeups.skippedWakeCount }

  /// How many notification watchers are suspended waiting for news (for tests).
  public var suspendedWatchers: Int { self.bell.waiterCount }

  /// How many times notification watchers went to sleep so far (for tests).
  public var watcherSleeps: Int { self.bell.waitCount }

  /// Runs every background job that is due now; returns how many ran. For tests.
  @discardableResult
  public func runDueWork() async throws -> Int {
    try await self.scheduler.runDue()
  }

  /// Reports not serving to health checks and ends live watches (health watches included),
  /// so that a graceful shutdown can drain.
  public func beginShutdown() {
    self.health.drain()
    self.bell.close()
  }

  /// Closes every database cleanly.
  public func close() async throws {
    await self.databases.closeIdle()
    let closed = Result { try self.registry.close() }
    // PostgreSQL: the pool closes its connections once cancelled.
    self.storageRun?.cancel()
    await self.storageRun?.value
    try closed.get()
  }
}
