import ArgumentParser
import BenchSupport

/// `billing-bench due`: N organizations with M sales orders each, scheduled for one date; one
/// clock advance past it runs them all (the billing run), then every result is checked.
struct Due: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Times the clock advance that runs N × M scheduled sales orders, and checks each ran exactly once.",
    discussion: """
      orderd runs on a simulated clock from \(DueCalendar.start). As the root, the benchmark \
      creates the product \(BenchProduct.sku) and N child organizations; each gets the same \
      product, one customer account and M sales orders scheduled for \(DueCalendar.scheduledFor). \
      One AdvanceClock to \(DueCalendar.advanceTo) is the billing run. Exits non-zero when a \
      check fails or the advance does not answer within --advance-timeout. With --nodes 2 \
      (on --storage postgres://…), organizations are set up through the nodes in turn, the \
      advance goes to the first, and the second joins the billing run by itself.
      """
  )

  @OptionGroup var server: ServerOptions

  @Option(help: "Child organizations to create under the root.")
  var organizations: Int = 1

  @Option(help: "Scheduled sales orders per organization.")
  var orders: Int = 50

  @Option(help: "tenant (backorders each sale to the root) or country-tenant (backorders nothing).")
  var kind: TenantKind = .tenant

  @Option(help: "Seats per order.")
  var quantity: Int32 = 3

  @Option(help: "Products in each organization's catalog: the one ordered and N-1 that nothing orders.")
  var catalog: Int = 1

  @Flag(help: "Place the orders round robin over the organizations (default: one organization's after another's).")
  var interleaveOrders = false

  @Option(help: "Seconds the AdvanceClock call may take.")
  var advanceTimeout: Double = 600

  func validate() throws {
    guard self.organizations >= 1, self.orders >= 1 else {
      throw ValidationError("--organizations and --orders must be at least 1")
    }
    guard self.catalog >= 1, self.catalog <= 99_999 else {
      throw ValidationError("--catalog must be 1 to 99,999")
    }
    guard self.quantity >= 1, self.advanceTimeout > 0 else {
      throw ValidationError("--quantity and --advance-timeout must be positive")
    }
  }

  func run() async throws {
    let passed = try await self.server.withOrderdNodes(clock: "simulated:\(DueCalendar.start)") { nodes in
      let run = DueRun(
        organizations: self.organizations, ordersEach: self.orders, kind: self.kind, quantity: self.quantity,
        advanceTimeout: .milliseconds(Int64(self.advanceTimeout * 1000)), concurrency: self.server.concurrency,
        interleaved: self.interleaveOrders, catalog: self.catalog)
      let passed = try await ClientPool.with(
        servers: nodes.addresses, connections: nodes.all.count, callTimeout: self.server.callTimeoutDuration
      ) { pool in
        try await run.run(pool, rootKey: nodes.first.rootKey)
      }
      NodeShares.print(nodes)
      OrderdReport.printFinal(nodes)
      return passed
    }
    if !passed { throw ExitCode.failure }
  }
}
