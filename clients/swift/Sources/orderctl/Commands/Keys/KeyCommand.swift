import ArgumentParser
import OrderClient
import OrderProtocol

struct KeyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key",
    abstract: "API keys of your organization (admin only).",
    subcommands: [Create.self, Revoke.self, List.self]
  )
}

extension KeyCommand {
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Issue an API key; its secret is shown once.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "admin (everything in the organization) or storefront (one account's objects).")
    var role: Choice<Orders_V1_Role>

    @Option(help: "The account a storefront key may see. Required for storefront keys.")
    var account: String?

    func validate() throws {
      if self.role.value == .storefront && self.account == nil {
        throw ValidationError("a storefront key needs --account ID")
      }
      if self.role.value == .admin && self.account != nil {
        throw ValidationError("an admin key sees the whole organization: drop --account")
      }
    }

    func run() async throws {
      var request = Orders_V1_CreateKeyRequest()
      request.role = self.role.value
      request.accountID = self.account ?? ""
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let issued = try await client.createKey(request, idempotencyKey: key)
        try self.connection.output.emit(issued) { $0.issuedText }
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke an API key.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The key's id (not its secret).")
    var id: String

    func run() async throws {
      var request = Orders_V1_RevokeKeyRequest()
      request.id = self.id
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let revoked = try await client.revokeKey(request, idempotencyKey: key)
        try self.connection.output.emit(revoked) { $0.detailsText }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List your organization's API keys.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    func run() async throws {
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, Orders_V1_ListKeysRequest()) {
          try await client.listKeys($0)
        }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }
}
