import ArgumentParser
import OrderClient
import OrderProtocol

struct AssetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "asset",
    abstract: "Software assets created by executed orders.",
    subcommands: [List.self, Show.self, Resync.self]
  )
}

extension AssetCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List software assets.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only this account's assets.")
    var account: String?

    func run() async throws {
      var request = Orders_V1_ListAssetsRequest()
      request.accountID = self.account ?? ""
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listAssets($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one software asset.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The asset's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetAssetRequest()
      request.id = self.id
      try await self.connection.run { client in
        let asset = try await client.getAsset(request)
        try self.connection.output.emit(asset) { $0.detailsText }
      }
    }
  }

  struct Resync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Edit and save an asset: retry a failed provisioning, refresh missing vendor data."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The asset's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_ResyncAssetRequest()
      request.id = self.id
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let asset = try await client.resyncAsset(request, idempotencyKey: key)
        try self.connection.output.emit(asset) { $0.detailsText }
      }
    }
  }
}
