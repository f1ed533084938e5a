import BenchSupport

/// Prints results as a fixed-width text table (also valid Markdown).
enum ResultTable {
  static let header = [
    "transport", "conc", "calls/s", "calls/s min–max", "p50 µs", "p99 µs", "p99.9 µs", "CPU µs/call", "errors",
    "peak RSS MiB",
  ]

  /// The median run of each row; errors and peak memory cover all of the row's runs.
  static func render(_ rows: [ResultRow]) -> String {
    let cells = [Self.header] + rows.map(Self.cells)
    let widths = Self.header.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
    var lines = cells.map { row in
      "| "
        + zip(row, widths).enumerated().map { index, cell in
          index == 0 ? Self.padRight(cell.0, cell.1) : Self.padLeft(cell.0, cell.1)
        }.joined(separator: " | ") + " |"
    }
    let rule =
      "|"
      + widths.enumerated().map { index, width in
        index == 0 ? ":" + String(repeating: "-", count: width + 1) : String(repeating: "-", count: width + 1) + ":"
      }.joined(separator: "|") + "|"
    lines.insert(rule, at: 1)
    return lines.joined(separator: "\n")
  }

  private static func cells(_ row: ResultRow) -> [String] {
    guard let result = row.median?.result else {
      return [row.transport.rawValue, "\(row.concurrency)"] + Array(repeating: "-", count: Self.header.count - 2)
    }
    let percentiles = result.latencies.percentiles([0.5, 0.99, 0.999])
    let cpuPerCall = result.calls > 0 ? Self.nanoseconds(result.cpu) / Int64(result.calls) : nil
    let range = row.callsPerSecondRange.map { "\(Int($0.lowerBound.rounded()))–\(Int($0.upperBound.rounded()))" }
    return [
      row.transport.rawValue,
      "\(row.concurrency)",
      "\(Int(result.callsPerSecond.rounded()))",
      range ?? "-",
      percentiles.map { Self.microseconds($0[0]) } ?? "-",
      percentiles.map { Self.microseconds($0[1]) } ?? "-",
      percentiles.map { Self.microseconds($0[2]) } ?? "-",
      cpuPerCall.map(Self.microseconds) ?? "-",
      "\(row.runs.map(\.result.errors).reduce(0, +))",
      row.peakResident.map(Self.mebibytes) ?? "-",
    ]
  }

  /// Nanoseconds as microseconds with one decimal.
  static func microseconds(_ nanoseconds: Int64) -> String {
    let tenths = (nanoseconds + 50) / 100
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// Bytes as MiB with one decimal.
  static func mebibytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return "\(tenths / 10).\(tenths % 10)"
  }

  static func nanoseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
  }

  private static func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  private static func padRight(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
