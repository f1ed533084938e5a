import ArgumentParser
import GRPCCore
import OrderClient
import OrderProtocol
import SwiftProtobuf

extension NotificationCommand {
  struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print notifications as they are written, one line each, until interrupted.",
      discussion: """
        First prints what is already in the log after --from, then each new notification as it \
        is written. When the server restarts or the connection drops, the watch reconnects and \
        continues after the last position printed: nothing is lost or printed twice. Stops with \
        exit status 0 on SIGINT (Ctrl-C) or SIGTERM. With --json, each line is one protobuf JSON \
        document.
        """
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Option(help: "Only notifications after this position (default 0: from the start).")
    var from: Int64?

    @Option(help: "Only this account's notifications.")
    var account: String?

    func validate() throws {
      if let from = self.from, from < 0 { throw ValidationError("--from must be 0 or more") }
    }

    func run() async throws {
      let output = self.connection.output
      try await self.connection.run { client in
        try await untilInterrupted {
          try await client.watchNotifications(
            after: self.from ?? 0, accountID: self.account ?? "", onReconnect: Self.reportReconnect
          ) { notification in
            try StandardOutput.writeLine(output.json ? try notification.jsonString() : notification.lineText)
          }
        }
      }
    }

    /// Tells the user, once per outage, that the watch lost the server and is reconnecting.
    @Sendable static func reportReconnect(cause: RPCError?, lastPosition: Int64, attempt: Int) {
      guard attempt == 1 else { return }
      let reason = cause.map { "\($0.code.statusName): \($0.message)" } ?? "the server ended the watch"
      StandardError.write("orderctl: \(reason); reconnecting, continuing after position \(lastPosition)")
    }
  }
}
