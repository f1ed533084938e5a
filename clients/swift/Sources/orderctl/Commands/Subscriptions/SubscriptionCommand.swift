import ArgumentParser
import OrderClient
import OrderProtocol

struct SubscriptionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "subscription",
    abstract: "Subscriptions created by executed orders: list, show, change, cancel, resync, feed.",
    subcommands: [List.self, Show.self, Change.self, Resync.self, Feed.self]
  )
}

extension SubscriptionCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List subscriptions.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only this account's subscriptions.")
    var account: String?

    func run() async throws {
      var request = Orders_V1_ListSubscriptionsRequest()
      request.accountID = self.account ?? ""
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listSubscriptions($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one subscription.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The subscription's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetSubscriptionRequest()
      request.id = self.id
      try await self.connection.run { client in
        let subscription = try await client.getSubscription(request)
        try self.connection.output.emit(subscription) { $0.detailsText }
      }
    }
  }
}
