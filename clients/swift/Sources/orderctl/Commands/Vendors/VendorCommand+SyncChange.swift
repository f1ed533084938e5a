import ArgumentParser
import OrderClient
import OrderProtocol

extension VendorCommand {
  struct SyncChange: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync-change",
      abstract: "Record a change the vendor scheduled on its side (H8, admin).",
      discussion: """
        As the vendor's daily sync would report it: the change becomes an On Renewal change \
        created by `Vendor System`, replacing the subscription's own On Renewal change.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    @Option(help: "The new quantity.")
    var quantity: Int32?

    @Option(help: "The SKU to upgrade to.")
    var upgradeTo: String?

    @Option(help: "The new commitment term.")
    var term: Choice<Orders_V1_Term>?

    @Option(help: "The new billing cycle.")
    var billingCycle: Choice<Orders_V1_BillingCycle>?

    func validate() throws {
      if self.quantity == nil && self.upgradeTo == nil && self.term == nil && self.billingCycle == nil {
        throw ValidationError("say what the vendor changes: --quantity, --upgrade-to, --term or --billing-cycle")
      }
      if let quantity = self.quantity, quantity < 1 { throw ValidationError("--quantity must be at least 1") }
      if let sku = self.upgradeTo, sku.isEmpty { throw ValidationError("--upgrade-to needs a SKU") }
    }

    func run() async throws {
      var request = Orders_V1_SyncVendorChangeRequest()
      request.subscriptionID = self.subscription
      if let quantity = self.quantity { request.quantity = quantity }
      request.upgradeTo = self.upgradeTo ?? ""
      request.term = self.term?.value ?? .unspecified
      request.billingCycle = self.billingCycle?.value ?? .unspecified
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let change = try await client.syncVendorChange(request, idempotencyKey: key)
        try self.connection.output.emit(change) { $0.detailsText }
      }
    }
  }
}
