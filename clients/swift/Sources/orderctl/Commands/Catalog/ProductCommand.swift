import ArgumentParser
import OrderClient
import OrderProtocol

struct ProductCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "product",
    abstract: "Your organization's catalog.",
    subcommands: [Create.self, List.self, Show.self]
  )
}

extension ProductCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the products.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    func run() async throws {
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, Orders_V1_ListProductsRequest()) {
          try await client.listProducts($0)
        }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one product.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The product's SKU.")
    var sku: String

    func run() async throws {
      var request = Orders_V1_GetProductRequest()
      request.sku = self.sku
      try await self.connection.run { client in
        let product = try await client.getProduct(request)
        try self.connection.output.emit(product) { $0.detailsText }
      }
    }
  }
}
