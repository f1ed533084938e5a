import ArgumentParser
import OrderClient
import OrderProtocol

struct OrderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "order",
    abstract: "Orders: place sales orders; list, show, retry and cancel orders; order flows.",
    subcommands: [Place.self, List.self, Show.self, History.self, Retry.self, Cancel.self, Flow.self]
  )
}

extension OrderCommand {
  struct Place: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Place a sales order (SO) for an account.",
      discussion: "Each item takes the product's first allowed billing cycle and term."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The account that buys.")
    var account: String

    @Option(name: .customLong("item"), help: "A product to buy, SKU[:QUANTITY] (quantity 1 by default). Repeatable.")
    var items: [ItemArgument]

    func validate() throws {
      if self.items.isEmpty { throw ValidationError("an order needs at least one --item SKU[:QUANTITY]") }
    }

    func run() async throws {
      var request = Orders_V1_PlaceOrderRequest()
      request.accountID = self.account
      request.items = self.items.map(\.orderItem)
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let order = try await client.placeOrder(request, idempotencyKey: key)
        try self.connection.output.emit(order) { $0.detailsText }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List orders.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Option(help: "Only this account's orders.")
    var account: String?

    @Option(help: "Only orders in this status, like scheduled or completed.")
    var status: String?

    func run() async throws {
      var request = Orders_V1_ListOrdersRequest()
      request.accountID = self.account ?? ""
      request.status = self.status ?? ""
      try await self.connection.run { client in
        let response = try await client.listOrders(request)
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
