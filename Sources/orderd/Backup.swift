import ArgumentParser
import OrderStorage

/// `orderd backup`: a consistent online copy of the data directory.
struct Backup: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Copy the registry and every organization file into a new directory, while orderd runs.",
    discussion: """
      Uses SQLite's online backup: each file is copied from one consistent snapshot while the \
      server goes on writing. The copy is a data directory a server can start on. root-admin.key \
      is not copied (a backup holds no key secret). An organization file that cannot be copied \
      (damaged) is named and skipped, the others copied, and the exit status is 1. Restoring is \
      in docs/operations.md.
      """)

  @OptionGroup var storage: DataDirectoryOptions

  @Option(help: "The directory to write the copy to: new, or without database files.")
  var to: String

  func run() throws {
    try self.storage.requireDataDirectory(
      "backup", instead: "pg_dump, or pg_basebackup with WAL archiving (root-admin.key stays in --data-dir)")
    let source = DataDirectory(path: self.storage.dataDir)
    let target = DataDirectory(path: self.to)
    let outcome = try DataDirectoryBackup.run(from: source, to: target) { print("copied \($0)") }
    for (path, reason) in outcome.failed { print("NOT copied \(path): \(reason)") }
    let count = outcome.copied.count
    print("backed up \(count) file\(count == 1 ? "" : "s") to \(self.to); root-admin.key is not copied")
    guard outcome.failed.isEmpty else {
      print("\(outcome.failed.count) organization file(s) could not be copied: restore them from an earlier backup")
      throw ExitCode(1)
    }
  }
}
