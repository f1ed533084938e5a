import ArgumentParser
import OrderClient
import OrderProtocol

struct RenewalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "renewal",
    abstract: "Manage Renewal: a quantity that applies from the next renewal on.",
    subcommands: [Set.self, Revoke.self]
  )
}

extension RenewalCommand {
  struct Set: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set",
      abstract: "Set the quantity the subscription renews with (a future request).",
      discussion: """
        Allowed when the subscription is active and synced, renews automatically, is prepaid \
        recurring, has no pending On Renewal change or future request, and its product's \
        quantity limit is not exactly 1. A refusal names the condition that failed.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    @Option(help: "The quantity from the next renewal on.")
    var quantity: Int32

    func validate() throws {
      if self.quantity < 1 { throw ValidationError("--quantity must be at least 1") }
    }

    func run() async throws {
      var request = Orders_V1_SetFutureRequestRequest()
      request.subscriptionID = self.subscription
      request.quantity = self.quantity
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let subscription = try await client.setFutureRequest(request, idempotencyKey: key)
        try self.connection.output.emit(subscription) { $0.detailsText }
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Revoke the future request: the quantity stays as it is at the renewal."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    func run() async throws {
      var request = Orders_V1_RevokeFutureRequestRequest()
      request.subscriptionID = self.subscription
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let subscription = try await client.revokeFutureRequest(request, idempotencyKey: key)
        try self.connection.output.emit(subscription) { $0.detailsText }
      }
    }
  }
}
