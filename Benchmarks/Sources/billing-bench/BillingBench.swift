import ArgumentParser
import BenchSupport

/// The billing service of a real release orderd: how fast a clock advance runs the due work
/// of many organizations (exactly once), and what an idle server with open watches costs.
@main
struct BillingBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "billing-bench",
    abstract: "Measures orderd's billing run (due work) and its idle cost, against a release orderd it starts.",
    discussion: """
      Each run starts its own orderd (--orderd) on 127.0.0.1 with a free port and a fresh \
      temporary data directory, drives it over TCP with OrderClient, and stops it at the end.
      """,
    subcommands: [Due.self, Idle.self]
  )
}
