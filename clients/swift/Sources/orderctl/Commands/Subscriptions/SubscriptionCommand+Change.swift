import ArgumentParser
import OrderClient
import OrderProtocol

extension SubscriptionCommand {
  struct Change: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a subscription now, or cancel it.",
      discussion: """
        The change is an order whose type follows from the action: a change (CH), a \
        cancellation refund (CL) or charge (CF). Several changes may be combined, except \
        --cancel. Switching auto-renew alone is a setting and makes no order. Prints the \
        subscription after the change, the order and the invoice lines.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var id: String

    @OptionGroup(title: "Changes") var changes: ChangeOptions

    @Option(help: "Renew automatically at the end of the term.")
    var autoRenew: Switch?

    @Flag(help: "Cancel the subscription now (with its add-ons); cannot be combined with other changes.")
    var cancel = false

    func validate() throws {
      let given = !self.changes.isEmpty || self.autoRenew != nil
      if self.cancel && given { throw ValidationError("--cancel cannot be combined with other changes") }
      if !self.cancel && !given { throw ChangeOptions.missing("to change", or: ["--auto-renew", "--cancel"]) }
    }

    func run() async throws {
      var request = Orders_V1_ChangeSubscriptionRequest()
      request.id = self.id
      self.changes.apply(to: &request)
      if let autoRenew = self.autoRenew { request.autoRenew = autoRenew.isOn }
      request.cancel = self.cancel
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let response = try await client.changeSubscription(request, idempotencyKey: key)
        try self.connection.output.emit(response) { $0.detailsText }
      }
    }
  }

  struct Resync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Resynchronise a subscription with the vendor: a resource order (RC) of zero amount."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_ResyncSubscriptionRequest()
      request.id = self.id
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let response = try await client.resyncSubscription(request, idempotencyKey: key)
        try self.connection.output.emit(response) { $0.detailsText }
      }
    }
  }
}
