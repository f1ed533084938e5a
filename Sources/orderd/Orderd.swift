import ArgumentParser
import OrderProtocol

/// `orderd`: the order-scheduling server, and the tools that work on its data directory.
@main
struct Orderd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orderd",
    abstract: "The orderd order-scheduling server.",
    discussion: """
      Without a subcommand, orderd serves: `orderd --data-dir DIR` is `orderd serve --data-dir DIR`, \
      and `orderd serve --help` lists the server's options. `check` and `backup` work on a data \
      directory, whether or not a server is running on it; `migrate` copies a stopped server's \
      data directory into PostgreSQL (docs/operations.md).
      """,
    version: OrderdVersion.current,
    subcommands: [Serve.self, Check.self, Backup.self, Migrate.self],
    defaultSubcommand: Serve.self)
}
