import ArgumentParser
import OrderProtocol

@main
struct Orderctl: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orderctl",
    abstract:
      "Administer an orderd organization: organizations, keys, accounts, catalog, orders, scheduled changes, invoices, backorders, notifications.",
    discussion: """
      Every command connects to --server (or ORDERD_SERVER, default 127.0.0.1:7411) with the \
      API key from --key, --key-file or ORDERD_API_KEY. Output is a readable table; --json \
      prints the response message as one protobuf JSON document instead.

      Errors are printed to stderr as `orderctl: STATUS: message`. Exit status:
        0   success
        1   other errors: UNKNOWN, INTERNAL, UNIMPLEMENTED, DATA_LOSS
        2   the request as given is refused: INVALID_ARGUMENT, OUT_OF_RANGE
        3   NOT_FOUND
        4   conflicts with the current state: FAILED_PRECONDITION,
            ALREADY_EXISTS, ABORTED
        5   UNAUTHENTICATED, PERMISSION_DENIED
        6   try again later: UNAVAILABLE, DEADLINE_EXCEEDED,
            RESOURCE_EXHAUSTED, CANCELLED
        64  usage error: bad options or arguments
      """,
    version: OrderdVersion.current,
    subcommands: [
      OrgCommand.self,
      KeyCommand.self,
      AccountCommand.self,
      ProductCommand.self,
      OrderCommand.self,
      SubscriptionCommand.self,
      ChangeCommand.self,
      RenewalCommand.self,
      AssetCommand.self,
      InvoiceCommand.self,
      VendorCommand.self,
      NotificationCommand.self,
      BackorderCommand.self,
      ClockCommand.self,
      BenchCommand.self,
      CompletionCommand.self,
    ]
  )
}
