import ArgumentParser
import OrderClient
import OrderProtocol

struct InvoiceCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "invoice",
    abstract: "Invoices of sales, changes, cancellations and renewals, and their payments.",
    subcommands: [List.self, Show.self, Pay.self]
  )
}

extension InvoiceCommand {
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List invoices.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Paging Options") var paging: PagingOptions

    @Option(help: "Only this account's invoices.")
    var account: String?

    func run() async throws {
      var request = Orders_V1_ListInvoicesRequest()
      request.accountID = self.account ?? ""
      try await self.connection.run { client in
        let response = try await self.paging.collect(client, request) { try await client.listInvoices($0) }
        try self.connection.output.emit(response) { $0.tableText }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one invoice with its lines.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The invoice's id (INV-000001).")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetInvoiceRequest()
      request.id = self.id
      try await self.connection.run { client in
        let invoice = try await client.getInvoice(request)
        try self.connection.output.emit(invoice) { $0.detailsText }
      }
    }
  }

  struct Pay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a payment of the whole invoice: a payment order (PO) attached to it (admin)."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Argument(help: "The invoice's id (INV-000001).")
    var id: String

    func run() async throws {
      var request = Orders_V1_PayInvoiceRequest()
      request.id = self.id
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let response = try await client.payInvoice(request, idempotencyKey: key)
        try self.connection.output.emit(response) { $0.detailsText }
      }
    }
  }
}
