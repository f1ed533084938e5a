import ArgumentParser
import OrderClient
import OrderProtocol

struct NotificationCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notifications",
    abstract: "Your organization's ordered log of events.",
    subcommands: [List.self, Watch.self]
  )
}

extension NotificationCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List notifications, oldest first.",
      discussion: "Continue a listing with --after and the position printed at its end."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only notifications after this position (default 0: from the start).")
    var after: Int64?

    @Option(help: "Only this account's notifications.")
    var account: String?

    func validate() throws {
      if let after = self.after, after < 0 { throw ValidationError("--after must be 0 or more") }
    }

    func run() async throws {
      var request = Orders_V1_ListNotificationsRequest()
      request.after = self.after ?? 0
      request.accountID = self.account ?? ""
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listNotifications($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }
}
