import ArgumentParser
import OrderClient
import OrderProtocol

struct VendorCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "vendor",
    abstract: "The simulated vendor: how it treats your products and its own scheduled changes.",
    subcommands: [SetBehavior.self, Show.self, SyncChange.self]
  )
}

extension VendorCommand {
  struct SetBehavior: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "set-behavior",
      abstract: "Set how the simulated vendor treats a product (admin).",
      discussion: "The whole behaviour is replaced: options left out mean the vendor behaves normally there."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The product's SKU.")
    var sku: String

    @Flag(help: "The vendor denies every change of the product when it executes.")
    var denyChanges = false

    @Option(help: "When provisioning fails: once (retries succeed), always or never (the default).")
    var failProvisioning: Choice<Orders_V1_FailProvisioning>?

    @Flag(help: "The expiration date and software ID arrive only on a later sync.")
    var lateExpiration = false

    @Option(help: "How long provisioning takes on the server's clock, ISO 8601 like PT30S (default: at once).")
    var provisioningDelay: String?

    func validate() throws {
      if let delay = self.provisioningDelay, !delay.hasPrefix("P") {
        throw ValidationError(
          "--provisioning-delay '\(delay)' is not an ISO 8601 duration; write it like PT30S or PT10M")
      }
    }

    func run() async throws {
      var request = Orders_V1_SetVendorBehaviorRequest()
      request.behavior.sku = self.sku
      request.behavior.denyChanges = self.denyChanges
      request.behavior.failProvisioning = self.failProvisioning?.value ?? .never
      request.behavior.lateExpiration = self.lateExpiration
      request.behavior.provisioningDelay = self.provisioningDelay ?? ""
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let behavior = try await client.setVendorBehavior(request, idempotencyKey: key)
        try self.connection.output.emit(behavior) { $0.detailsText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show how the simulated vendor treats a product.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The product's SKU.")
    var sku: String

    func run() async throws {
      var request = Orders_V1_GetVendorBehaviorRequest()
      request.sku = self.sku
      try await self.connection.run { client in
        let behavior = try await client.getVendorBehavior(request)
        try self.connection.output.emit(behavior) { $0.detailsText }
      }
    }
  }
}
