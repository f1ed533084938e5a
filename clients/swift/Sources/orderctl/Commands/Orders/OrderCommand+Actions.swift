import ArgumentParser
import Foundation
import OrderClient
import OrderProtocol

extension OrderCommand {
  struct Retry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Retry a stalled order (admin).",
      discussion: "Only an order in a stall of its flow can be retried (`orderctl order flow TYPE` lists them)."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The order's id or number (CH-000003).")
    var id: String

    func run() async throws {
      var request = Orders_V1_RetryOrderRequest()
      request.id = self.id
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let order = try await client.retryOrder(request, idempotencyKey: key)
        try self.connection.output.emit(order) { $0.detailsText }
      }
    }
  }

  struct Cancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cancel an order that has not executed or is stalled.",
      discussion: "Admins cancel any such order; storefront users only their account's scheduled orders."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The order's id or number (SO-000042).")
    var id: String

    @Option(help: "Why the order is cancelled; recorded in its status history.")
    var reason: String

    func validate() throws {
      if self.reason.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--reason must say why the order is cancelled")
      }
    }

    func run() async throws {
      var request = Orders_V1_CancelOrderRequest()
      request.id = self.id
      request.reason = self.reason
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let order = try await client.cancelOrder(request, idempotencyKey: key)
        try self.connection.output.emit(order) { $0.detailsText }
      }
    }
  }
}
