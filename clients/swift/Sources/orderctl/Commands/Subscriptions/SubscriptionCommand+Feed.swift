import ArgumentParser
import OrderClient
import OrderProtocol

extension SubscriptionCommand {
  struct Feed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a subscription's \"Notifications and Updates\" feed."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Argument(help: "The subscription's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_ListSubscriptionFeedRequest()
      request.subscriptionID = self.id
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listSubscriptionFeed($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }
}

extension Orders_V1_ListSubscriptionFeedResponse {
  var tableText: String {
    var table = Table("TIME", "TYPE", "TEXT")
    for entry in self.entries {
      table.append(entry.at.dateTimeText, entry.type, entry.text)
    }
    return table.render()
  }
}
