import ArgumentParser
import Foundation
import OrderClient
import OrderProtocol

struct ChangeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "change",
    abstract: "Scheduled changes of subscriptions: schedule, list and cancel.",
    subcommands: [Schedule.self, List.self, Cancel.self]
  )
}

extension ChangeCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List a subscription's pending scheduled changes by execution date."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    func run() async throws {
      var request = Orders_V1_ListScheduledChangesRequest()
      request.subscriptionID = self.subscription
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listScheduledChanges($0) }
        try self.connection.output.emit(response) { $0.changes.tableText }
      }
    }
  }

  struct Cancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cancel a custom-date change before it executes.",
      discussion: """
        An On Renewal change is not cancelled: schedule another On Renewal change to replace it. \
        The order stays in the history as cancelled.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The change order's id or number (CH-000003).")
    var order: String

    @Option(help: "Why the change is cancelled; recorded in the order's status history.")
    var reason = "cancelled by the customer"

    func validate() throws {
      if self.reason.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--reason must say why the change is cancelled")
      }
    }

    func run() async throws {
      var request = Orders_V1_CancelOrderRequest()
      request.id = self.order
      request.reason = self.reason
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let order = try await client.cancelOrder(request, idempotencyKey: key)
        try self.connection.output.emit(order) { $0.summaryText }
      }
    }
  }
}
