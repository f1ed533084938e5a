import ArgumentParser
import OrderStorage

/// `orderd check`: SQLite's integrity and foreign key checks of every database file.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check the registry and every organization file; exit status 1 if any has problems.",
    discussion: """
      Runs SQLite's integrity_check and foreign_key_check, and compares each file's schema with \
      this build's, on registry.sqlite and every orgs/*.sqlite. Files are opened read-only, so a \
      running server is not disturbed. Prints one line per file, then its problems.
      """)

  @OptionGroup var storage: DataDirectoryOptions

  func run() throws {
    try self.storage.requireDataDirectory("check", instead: "pg_amcheck (and pg_dump to read every row)")
    let reports = try DataDirectoryCheck.run(DataDirectory(path: self.storage.dataDir))
    for report in reports {
      if report.isOK {
        print("\(report.path): ok")
      } else {
        print("\(report.path): \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")")
        for problem in report.problems { print("  \(problem)") }
      }
    }
    let bad = reports.filter { !$0.isOK }.count
    print(
      "checked \(reports.count) file\(reports.count == 1 ? "" : "s"): \(reports.count - bad) ok, \(bad) with problems")
    if bad > 0 { throw ExitCode(1) }
  }
}
