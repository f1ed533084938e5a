import ArgumentParser
import Foundation
import Logging
import OrderStorage

/// `orderd migrate`: moves a stopped server's data directory into PostgreSQL (issue 14).
struct Migrate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Copy a stopped orderd's data directory into PostgreSQL, and verify the copy.",
    discussion: """
      Stop orderd first: a data directory whose files another process has open is refused. The \
      target database must hold no orderd data; --replace first drops what an earlier run left \
      (the schemas of the directory's organizations, and the registry's rows), so that an \
      aborted migration can be run again. Each organization file is migrated to this build's \
      schema (as orderd serve would), copied in one transaction, and read back from both sides \
      and compared value by value; the registry comes last. Prints each database's tables and \
      row counts, and exits 0 only when every table is the same on both sides. \
      root-admin.key does not move: the data directory stays the key directory, so start the \
      server with `orderd serve --storage postgres://… --data-dir DATA_DIR` \
      (docs/operations.md, "Moving a data directory to PostgreSQL").
      """)

  @Option(help: "The data directory to copy: registry.sqlite, orgs/*.sqlite (env ORDERD_DATA_DIR).")
  var from: String = Environment.value("ORDERD_DATA_DIR") ?? "./data"

  @Option(
    help:
      "The PostgreSQL database: postgres://USER[:PW]@HOST[:PORT]/DB[?sslmode=disable|prefer|require]; the password also from PGPASSWORD (env ORDERD_STORAGE)."
  )
  var to: String?

  @Flag(help: "Drop the directory's organization schemas and the registry's rows in the target first.")
  var replace = false

  func run() async throws {
    guard let url = self.to ?? Environment.value("ORDERD_STORAGE") else {
      throw ValidationError("--to postgres://… (or ORDERD_STORAGE) names the database to copy into")
    }
    let location: PostgresLocation
    do {
      location = try PostgresLocation(parsing: url)
    } catch {
      throw ValidationError("--to: \(error)")
    }
    // Whatever fails is thrown and printed; the client's own warnings (a lease asked for
    // while its pool starts) would only alarm.
    var logger = Logger(label: "orderd.migrate")
    logger.logLevel = .error
    let source = DataDirectory(path: self.from)
    let report: PostgresImport.Report
    do {
      // What can be checked here is checked before connecting anywhere.
      try PostgresImport.checkSource(source)
      try await PostgresStorage.checkConnection(to: location, logger: logger)
      report = try await PostgresStorage.withRunning(location, logger: logger) { storage in
        try await PostgresImport.run(from: source, to: storage, replace: self.replace) { database in
          Self.printReport(database)
        }
      }
    } catch {
      throw Self.failure("\(error)")
    }
    for file in report.unnamedFiles { print("not copied: \(file) (no organization of the registry has it)") }
    for schema in report.unnamedSchemas { print("left alone: schema \(schema) (its registry does not name it)") }
    let organizations = report.databases.filter { $0.organization != nil }.count
    let rows = report.databases.reduce(0) { $0 + $1.rowCount }
    guard report.isVerified else {
      let bad = report.databases.filter { !$0.isVerified }.count
      throw Self.failure(
        "\(bad) database\(bad == 1 ? "" : "s") differ after the copy (above): do not start orderd on \(location); "
          + "report it, keep the data directory, and run again with --replace once fixed")
    }
    print(
      "migrated and verified \(organizations) organization\(organizations == 1 ? "" : "s") and the registry, "
        + "\(rows) rows, into \(location)")
    print(
      "start orderd with: orderd serve --storage <the same URL> --data-dir \(self.from)  (root-admin.key stays there)")
  }

  /// One database's tables and counts, and its differences.
  static func printReport(_ database: PostgresImport.DatabaseReport) {
    let name =
      database.organization.map { "organization \($0)" + (database.label.isEmpty ? "" : " (\(database.label))") }
      ?? "registry"
    print("\(name): \(database.isVerified ? "verified" : "DIFFERS"), \(database.rowCount) rows")
    if let note = database.note { print("  \(note)") }
    for table in database.tables {
      let counts =
        table.sourceRows == table.targetRows ? "\(table.targetRows)" : "\(table.sourceRows) → \(table.targetRows)"
      print("  \(table.table): \(counts)")
      for difference in table.differences { print("    differs: \(difference)") }
    }
    for difference in database.otherDifferences { print("  differs: \(difference)") }
  }

  /// Prints `message` on standard error; exit status 1.
  static func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("orderd migrate: \(message)\n".utf8))
    return ExitCode(1)
  }
}
