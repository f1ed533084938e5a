import ArgumentParser
import OrderClient
import OrderProtocol

extension SubscriptionCommand {
  struct Change: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a subscription now, or cancel it.",
      discussion: """
        The change is an order whose type follows from the action (O1): a change (CH), a \
        cancellation refund (CL) or charge (CF). Several changes may be combined, except \
        --cancel. Switching auto-renew alone is a setting and makes no order. Prints the \
        subscription after the change, the order and the invoice lines.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var id: String

    @Option(help: "The new quantity.")
    var quantity: Int32?

    @Option(help: "The SKU to upgrade to (one of the product's upgrades).")
    var upgradeTo: String?

    @Option(help: "The new commitment term.")
    var term: Choice<Orders_V1_Term>?

    @Option(help: "The new billing cycle.")
    var billingCycle: Choice<Orders_V1_BillingCycle>?

    @Option(help: "Renew automatically at the end of the term.")
    var autoRenew: Switch?

    @Flag(help: "Cancel the subscription now (with its add-ons); cannot be combined with other changes.")
    var cancel = false

    func validate() throws {
      let given = [
        self.quantity != nil, self.upgradeTo != nil, self.term != nil, self.billingCycle != nil,
        self.autoRenew != nil,
      ]
      let count = given.filter { $0 }.count
      if self.cancel && count > 0 {
        throw ValidationError("--cancel cannot be combined with other changes")
      }
      if !self.cancel && count == 0 {
        throw ValidationError(
          "say what to change: --quantity, --upgrade-to, --term, --billing-cycle, --auto-renew or --cancel")
      }
      if let quantity = self.quantity, quantity < 1 { throw ValidationError("--quantity must be at least 1") }
      if let sku = self.upgradeTo, sku.isEmpty { throw ValidationError("--upgrade-to needs a SKU") }
    }

    func run() async throws {
      var request = Orders_V1_ChangeSubscriptionRequest()
      request.id = self.id
      if let quantity = self.quantity { request.quantity = quantity }
      request.upgradeTo = self.upgradeTo ?? ""
      request.term = self.term?.value ?? .unspecified
      request.billingCycle = self.billingCycle?.value ?? .unspecified
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
