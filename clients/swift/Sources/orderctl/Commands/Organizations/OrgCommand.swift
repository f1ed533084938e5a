import ArgumentParser
import OrderClient
import OrderProtocol

struct OrgCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "org",
    abstract: "Organizations: your own, its settings, and the tenant resellers under it.",
    subcommands: [Create.self, List.self, Settings.self]
  )
}

extension OrgCommand {
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a child organization and its first admin key (shown once).",
      discussion: "A parent's admin creates the child but cannot read inside it."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The organization's name.")
    var name: String

    @Option(help: "tenant (backorders to its parent) or country-tenant (works as a root).")
    var kind: Choice<Orders_V1_OrganizationKind>

    @Option(help: "ISO 4217 currency, like EUR. Default: the parent's.")
    var currency: String?

    func run() async throws {
      var request = Orders_V1_CreateOrganizationRequest()
      request.name = self.name
      request.kind = self.kind.value
      request.currency = self.currency?.uppercased() ?? ""
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let response = try await client.createOrganization(request, idempotencyKey: key)
        try self.connection.output.emit(response) { $0.createdText }
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List your organization and its direct children.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    func run() async throws {
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, Orders_V1_ListOrganizationsRequest()) {
          try await client.listOrganizations($0)
        }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }
}
