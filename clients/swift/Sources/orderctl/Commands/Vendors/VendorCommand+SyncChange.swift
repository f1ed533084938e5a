import ArgumentParser
import OrderClient
import OrderProtocol

extension VendorCommand {
  struct SyncChange: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sync-change",
      abstract: "Record a change the vendor scheduled on its side (admin).",
      discussion: """
        As the vendor's daily sync would report it: the change becomes an On Renewal change \
        created by `Vendor System`, replacing the subscription's own On Renewal change.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The subscription's id.")
    var subscription: String

    @OptionGroup(title: "Changes") var changes: ChangeOptions

    func validate() throws {
      if self.changes.isEmpty { throw ChangeOptions.missing("the vendor changes") }
    }

    func run() async throws {
      var request = Orders_V1_SyncVendorChangeRequest()
      request.subscriptionID = self.subscription
      self.changes.apply(to: &request)
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let change = try await client.syncVendorChange(request, idempotencyKey: key)
        try self.connection.output.emit(change) { $0.detailsText }
      }
    }
  }
}
