import ArgumentParser
import GRPCCore
import OrderClient
import OrderProtocol

struct OrderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "order",
    abstract: "Orders: place and schedule sales orders; list, show, retry and cancel orders; order flows.",
    subcommands: [Place.self, List.self, Show.self, History.self, Retry.self, Cancel.self, Flow.self]
  )
}

extension OrderCommand {
  struct Place: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Place a sales order (SO) for an account, now or scheduled for a date.",
      discussion: """
        Each item takes the product's first allowed billing cycle and term. With --on the order \
        waits in `scheduled` and executes at the start of that day; only new subscriptions \
        (with their add-ons), assets and one-off products can be scheduled. --dry-run prices \
        the order and places nothing.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The account that buys.")
    var account: String

    @Option(
      name: .customLong("item"),
      help: ArgumentHelp(
        "A product to buy, SKU[:QUANTITY] (quantity 1 by default). Repeatable.",
        discussion: "SKU:QUANTITY@SUBSCRIPTION changes an existing subscription instead; never schedulable."))
    var items: [ItemArgument]

    @Option(
      name: .customLong("on"),
      help: ArgumentHelp("Schedule the order for this date (UTC) instead of now.", valueName: "YYYY-MM-DD"))
    var scheduledFor: DayArgument?

    @Flag(help: "Only estimate: print the lines and total the order would have; nothing is placed.")
    var dryRun = false

    func validate() throws {
      if self.items.isEmpty { throw ValidationError("an order needs at least one --item SKU[:QUANTITY]") }
    }

    func run() async throws {
      var request = Orders_V1_PlaceOrderRequest()
      request.accountID = self.account
      request.items = self.items.map(\.orderItem)
      request.scheduledFor = self.scheduledFor?.text ?? ""
      request.dryRun = self.dryRun
      let key = self.mutation.resolve()
      let hint = CommandHint(
        [.invalidArgument], mentioning: ["ChangeSubscription"],
        "change a subscription with `orderctl subscription change ID` (now) or `orderctl change schedule ID`")
      try await self.connection.run(idempotencyKey: key, hints: [hint]) { client in
        let order = try await client.placeOrder(request, idempotencyKey: key)
        if self.dryRun {
          try self.connection.output.emit(order) { $0.estimateText(nothing: "nothing was placed") }
        } else {
          try self.connection.output.emit(order) { $0.detailsText }
        }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List orders.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only this account's orders.")
    var account: String?

    @Option(help: "Only orders in this status, like scheduled (sorted by execution date) or completed.")
    var status: String?

    func run() async throws {
      var request = Orders_V1_ListOrdersRequest()
      request.accountID = self.account ?? ""
      request.status = self.status ?? ""
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listOrders($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one order with its lines and status history.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The order's id or number (SO-000042).")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetOrderRequest()
      request.id = self.id
      try await self.connection.run { client in
        let order = try await client.getOrder(request)
        try self.connection.output.emit(order) { $0.detailsText }
      }
    }
  }
}
