import ArgumentParser
import OrderClient
import OrderProtocol

struct BackorderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backorder",
    abstract: "Backorders: your tenants' executed changes as received by your organization.",
    subcommands: [List.self, Show.self, Retry.self]
  )
}

extension BackorderCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List received backorders, oldest first.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only backorders with this status.")
    var status: BackorderStatus?

    func run() async throws {
      try await self.connection.run { client in
        var request = Orders_V1_ListBackordersRequest()
        request.status = self.status?.rawValue ?? ""
        let response = try await self.paging.collect(client, request) { try await client.listBackorders($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one backorder.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The backorder's id (BKO-000001).")
    var id: String

    func run() async throws {
      try await self.connection.run { client in
        let backorder = try await client.getBackorder(self.id)
        try self.connection.output.emit(backorder) { $0.detailsText }
      }
    }
  }

  struct Retry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Apply a stalled backorder again, after fixing its cause (admin).",
      discussion: "For example, create the missing SKU first, then retry."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The backorder's id (BKO-000001).")
    var id: String

    func run() async throws {
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let backorder = try await client.retryBackorder(self.id, idempotencyKey: key)
        try self.connection.output.emit(backorder) { $0.detailsText }
      }
    }
  }
}

/// A backorder's status as the server names it.
enum BackorderStatus: String, CaseIterable, ExpressibleByArgument {
  case applied, stalled, waiting
}
