import ArgumentParser

/// The whole server's call path, against a release orderd it starts: durable writes and reads
/// in one and in many organizations, beside SQLite's own commit ceiling on the same disk, and
/// the cost of many organizations (issue 13).
@main
struct ServerBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "server-bench",
    abstract: "Measures orderd's calls (real services, real storage) against SQLite's own ceiling.",
    discussion: """
      Each run starts its own orderd (--orderd) on 127.0.0.1 with a free port and a fresh \
      temporary data directory, drives it over one TCP connection with OrderClient, and stops \
      it at the end.
      """,
    subcommands: [Calls.self, Organizations.self, Opening.self]
  )
}
