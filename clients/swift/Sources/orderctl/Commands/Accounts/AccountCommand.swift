import ArgumentParser
import OrderClient
import OrderProtocol

struct AccountCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "account",
    abstract: "Customer and standard-reseller accounts of your organization.",
    subcommands: [Create.self, List.self, Show.self]
  )
}

extension AccountCommand {
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an account.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The account's name.")
    var name: String

    @Option(help: "customer (the default) or reseller (a standard reseller).")
    var kind: Choice<Orders_V1_AccountKind>?

    @Option(help: "For a customer of a standard reseller: the reseller's account id.")
    var reseller: String?

    func run() async throws {
      var request = Orders_V1_CreateAccountRequest()
      request.name = self.name
      request.kind = self.kind?.value ?? .unspecified
      request.resellerID = self.reseller ?? ""
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let account = try await client.createAccount(request, idempotencyKey: key)
        try self.connection.output.emit(account) { $0.detailsText }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the accounts.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    func run() async throws {
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, Orders_V1_ListAccountsRequest()) {
          try await client.listAccounts($0)
        }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one account.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The account's id.")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetAccountRequest()
      request.id = self.id
      try await self.connection.run { client in
        let account = try await client.getAccount(request)
        try self.connection.output.emit(account) { $0.detailsText }
      }
    }
  }
}
