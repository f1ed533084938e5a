import ArgumentParser
import GRPCCore
import OrderClient
import OrderProtocol

struct ClockCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clock",
    abstract: "The server's clock.",
    subcommands: [Show.self, Advance.self]
  )
}

extension ClockCommand {
  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the server's time and whether it is simulated.")

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    func run() async throws {
      try await self.connection.run { client in
        let clock = try await client.getClock()
        try self.connection.output.emit(clock) { $0.detailsText }
      }
    }
  }

  struct Advance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Move a simulated clock forward, running everything that came due (root admins only).",
      discussion: """
        Give either --to or --by. The server runs everything that came due in between, in date \
        order (scheduled orders and changes, renewals, backorders), before it answers with the new time.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "The instant to move to: a date (2027-02-01, the start of that day UTC) or an ISO 8601 date-time.")
    var to: InstantArgument?

    @Option(help: "How far to move: an ISO 8601 duration like P1M, P10D or PT6H.")
    var by: String?

    func validate() throws {
      guard (self.to == nil) != (self.by == nil) else {
        throw ValidationError("give exactly one of --to DATE and --by DURATION")
      }
      if let by = self.by, !by.hasPrefix("P") {
        throw ValidationError("--by '\(by)' is not an ISO 8601 duration; write it like P1M, P10D or PT6H")
      }
    }

    func run() async throws {
      var request = Orders_V1_AdvanceClockRequest()
      if let to = self.to { request.to = to.timestamp }
      if let by = self.by { request.by = by }
      let key = self.mutation.resolve()
      let hint = CommandHint(
        [.failedPrecondition], mentioning: ["system clock"],
        "the clock moves only on a server started with --clock simulated:DATE")
      try await self.connection.run(idempotencyKey: key, hints: [hint]) { client in
        let clock = try await client.advanceClock(request, idempotencyKey: key)
        try self.connection.output.emit(clock) { $0.detailsText }
      }
    }
  }
}
