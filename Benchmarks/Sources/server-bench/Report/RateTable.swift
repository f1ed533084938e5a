import BenchSupport
import Foundation

/// Rows of rates with latency percentiles and CPU per call, printed as a Markdown table.
struct RateTable {
  struct Row {
    var name: String
    var concurrency: Int
    var result: LoopResult
    /// What this rate is compared with, and the ratio it must reach, if any.
    var versus: (name: String, rate: Double, target: Double)?
    /// The ratio is the other rate over this one (this row is the slower side).
    var inverse = false
  }

  private(set) var rows: [Row] = []

  mutating func append(_ row: Row) {
    self.rows.append(row)
    Console.line(Self.line(row))
  }

  var markdown: String {
    var lines = [
      "| what | in flight | calls/s | p50 µs | p99 µs | p99.9 µs | CPU µs/call | switches/call | errors | versus | ratio | target | met |",
      "|:--|--:|--:|--:|--:|--:|--:|--:|--:|:--|--:|--:|:--|",
    ]
    lines += self.rows.map(Self.line)
    return lines.joined(separator: "\n")
  }

  private static func line(_ row: Row) -> String {
    let percentiles = row.result.latencies.percentiles([0.5, 0.99, 0.999]) ?? [0, 0, 0]
    let micro = percentiles.map { String(format: "%.0f", Double($0) / 1_000) }
    var cells = [
      row.name, "\(row.concurrency)", String(format: "%.0f", row.result.callsPerSecond), micro[0], micro[1], micro[2],
      String(format: "%.0f", row.result.cpuMicrosecondsPerCall),
      String(format: "%.1f", row.result.contextSwitchesPerCall), "\(row.result.errors)",
    ]
    if let versus = row.versus {
      let ratio = row.inverse ? versus.rate / row.result.callsPerSecond : row.result.callsPerSecond / versus.rate
      cells += [
        "\(versus.name) (\(String(format: "%.0f", versus.rate))/s)", String(format: "%.2f×", ratio),
        String(format: "%.1f×", versus.target), ratio >= versus.target ? "yes" : "no",
      ]
    } else {
      cells += ["", "", "", ""]
    }
    return "| " + cells.joined(separator: " | ") + " |"
  }
}
