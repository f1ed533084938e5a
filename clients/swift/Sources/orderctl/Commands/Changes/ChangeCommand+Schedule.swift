import ArgumentParser
import OrderClient
import OrderProtocol

extension ChangeCommand {
  struct Schedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a subscription now, at its renewal or on a date.",
      discussion: """
        All the actions given make one change order. Custom dates allow quantity increases, \
        upgrades, term and billing cycle changes, and decreases where the vendor allows them; \
        at renewal also decreases. A new change of the same timing replaces the pending \
        one. `--when now` is the same as `orderctl subscription change`. --dry-run prints the \
        estimate and changes nothing.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    @Option(help: "When the change applies; a date means the start of that day, UTC.")
    var when: WhenArgument

    @OptionGroup(title: "Changes") var changes: ChangeOptions

    @Flag(help: "Cancel the subscription; cannot be combined with other changes.")
    var cancel = false

    @Flag(help: "Only estimate: print the order and lines the change would produce; nothing changes.")
    var dryRun = false

    func validate() throws {
      if self.cancel && !self.changes.isEmpty {
        throw ValidationError("--cancel cannot be combined with other changes")
      }
      if !self.cancel && self.changes.isEmpty { throw ChangeOptions.missing("to change", or: ["--cancel"]) }
    }

    func run() async throws {
      var request = Orders_V1_ChangeSubscriptionRequest()
      request.id = self.subscription
      self.changes.apply(to: &request)
      request.cancel = self.cancel
      request.timing = self.when.timing
      request.date = self.when.date
      request.dryRun = self.dryRun
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let response = try await client.changeSubscription(request, idempotencyKey: key)
        try self.connection.output.emit(response) { self.text(of: $0) }
      }
    }

    private func text(of response: Orders_V1_ChangeSubscriptionResponse) -> String {
      if self.dryRun { return response.estimateText }
      if case .now = self.when { return response.detailsText }
      return response.hasOrder ? response.order.summaryText : response.subscription.detailsText
    }
  }
}
