import ArgumentParser
import OrderClient
import OrderProtocol

extension ChangeCommand {
  struct Schedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a subscription now, at its renewal or on a date (H1).",
      discussion: """
        All the actions given make one change order. Custom dates allow quantity increases, \
        upgrades, term and billing cycle changes, and decreases where the vendor allows them; \
        at renewal also decreases (H2). A new change of the same timing replaces the pending one \
        (H4). `--when now` is the same as `orderctl subscription change`. --dry-run prints the \
        estimate and changes nothing.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    @Option(help: "When the change applies; a date means the start of that day, UTC.")
    var when: WhenArgument

    @Option(help: "The new quantity.")
    var quantity: Int32?

    @Option(help: "The SKU to upgrade to (one of the product's upgrades).")
    var upgradeTo: String?

    @Option(help: "The new commitment term.")
    var term: Choice<Orders_V1_Term>?

    @Option(help: "The new billing cycle.")
    var billingCycle: Choice<Orders_V1_BillingCycle>?

    @Flag(help: "Cancel the subscription; cannot be combined with other changes.")
    var cancel = false

    @Flag(help: "Only estimate: print the order and lines the change would produce; nothing changes.")
    var dryRun = false

    func validate() throws {
      let given = [self.quantity != nil, self.upgradeTo != nil, self.term != nil, self.billingCycle != nil]
      let count = given.filter { $0 }.count
      if self.cancel && count > 0 { throw ValidationError("--cancel cannot be combined with other changes") }
      if !self.cancel && count == 0 {
        throw ValidationError("say what to change: --quantity, --upgrade-to, --term, --billing-cycle or --cancel")
      }
      if let quantity = self.quantity, quantity < 1 { throw ValidationError("--quantity must be at least 1") }
      if let sku = self.upgradeTo, sku.isEmpty { throw ValidationError("--upgrade-to needs a SKU") }
    }

    func run() async throws {
      var request = Orders_V1_ChangeSubscriptionRequest()
      request.id = self.subscription
      if let quantity = self.quantity { request.quantity = quantity }
      request.upgradeTo = self.upgradeTo ?? ""
      request.term = self.term?.value ?? .unspecified
      request.billingCycle = self.billingCycle?.value ?? .unspecified
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
