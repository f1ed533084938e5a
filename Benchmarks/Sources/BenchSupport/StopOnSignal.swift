import Dispatch
import Foundation

/// While installed, SIGINT, SIGTERM and SIGHUP stop orderd (every node) and delete its directory
/// before this process exits (as `timeout` or Ctrl-C would otherwise leave the directory behind).
public final class StopOnSignal {
  private static let signals = [SIGINT, SIGTERM, SIGHUP]
  private let sources: [any DispatchSourceSignal]

  public init(stopping nodes: OrderdNodes) {
    self.sources = Self.signals.map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        Console.line(
          "\(CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "bench"): signal \(number), stopping orderd"
        )
        nodes.stop()
        exit(128 + number)
      }
      source.resume()
      return source
    }
  }

  /// Restores the default handling.
  public func remove() {
    for source in self.sources { source.cancel() }
    for number in Self.signals { signal(number, SIG_DFL) }
  }
}
