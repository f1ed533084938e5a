import ArgumentParser

/// The data directory every subcommand works on.
struct DataDirectoryOptions: ParsableArguments {
  @Option(help: "Data directory: registry.sqlite, orgs/*.sqlite, root-admin.key (env ORDERD_DATA_DIR).")
  var dataDir: String = Environment.value("ORDERD_DATA_DIR") ?? "./data"
}
