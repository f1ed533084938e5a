import ArgumentParser
import OrderClient
import OrderProtocol

extension ProductCommand {
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a product to the catalog.",
      discussion: """
        Options left out take the server's defaults (see catalog.proto): vendor generic, \
        billing cycles monthly and term P1M for recurring pricing, quantities 1..10000, \
        provisioned automatically. The price is per unit per billing cycle (or once, for \
        one-time pricing) in the organization's currency, with at most as many decimals as \
        the currency has (2 for USD and EUR).
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The product's SKU, unique in the catalog.")
    var sku: String

    @Option(help: "The product's name.")
    var name: String

    @Option(help: "What the product is.")
    var kind: Choice<Orders_V1_ProductKind>

    @Option(help: "Unit price per billing cycle (or once), like 12.50.")
    var price: String

    @Option(help: "The vendor connector.")
    var vendor: Choice<Orders_V1_Vendor>?

    @Option(help: "How the product is charged.")
    var pricing: Choice<Orders_V1_PricingType>?

    @Option(help: "Allowed billing cycles, comma-separated: monthly,annual.")
    var billingCycles: ChoiceList<Orders_V1_BillingCycle>?

    @Option(help: "Allowed terms, comma-separated: P1M,P1Y,P3Y.")
    var terms: ChoiceList<Orders_V1_Term>?

    @Option(help: "The smallest quantity an order may have.")
    var minQuantity: Int32?

    @Option(help: "The largest quantity an order may have.")
    var maxQuantity: Int32?

    @Option(help: "SKUs this product may be upgraded to, comma-separated.")
    var upgradesTo: String?

    @Option(help: "For an add-on: the SKU of its base subscription product.")
    var addonOf: String?

    @Flag(help: "Provisioned by hand rather than automatically.")
    var manualProvisioning = false

    func validate() throws {
      _ = try Price(parsing: self.price)
      for (name, value) in [("--min-quantity", self.minQuantity), ("--max-quantity", self.maxQuantity)] {
        if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
      }
      if let low = self.minQuantity, let high = self.maxQuantity, low > high {
        throw ValidationError("--min-quantity \(low) is above --max-quantity \(high)")
      }
    }

    func run() async throws {
      var request = Orders_V1_CreateProductRequest()
      request.product = self.product()
      request.price = try Price(parsing: self.price).text
      request.manualProvisioning = self.manualProvisioning
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let product = try await client.createProduct(request, idempotencyKey: key)
        try self.connection.output.emit(product) { $0.detailsText }
      }
    }

    private func product() -> Orders_V1_Product {
      var product = Orders_V1_Product()
      product.sku = self.sku
      product.name = self.name
      product.kind = self.kind.value
      product.vendor = self.vendor?.value ?? .unspecified
      product.pricing = self.pricing?.value ?? .unspecified
      product.billingCycles = self.billingCycles?.values ?? []
      product.terms = self.terms?.values ?? []
      product.minQuantity = self.minQuantity ?? 0
      product.maxQuantity = self.maxQuantity ?? 0
      product.upgradesTo = (self.upgradesTo ?? "").split(separator: ",").map(String.init)
      product.addonOf = self.addonOf ?? ""
      return product
    }
  }
}
