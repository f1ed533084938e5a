import GRPCCore

/// The bench's outcome as text or as one JSON document.
struct BenchReport {
  let call: BenchCall
  let connections: Int
  let concurrency: Int
  let elapsed: Duration
  let result: BenchResult

  private var seconds: Double {
    let (seconds, attoseconds) = self.elapsed.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private var callsPerSecond: Double {
    self.seconds > 0 ? Double(self.result.latencies.count) / self.seconds : 0
  }

  private var percentiles: [(name: String, key: String, nanoseconds: Int64)] {
    let latencies = self.result.latencies
    return [
      ("p50", "p50Ms", latencies.percentile(0.5)), ("p99", "p99Ms", latencies.percentile(0.99)),
      ("p99.9", "p999Ms", latencies.percentile(0.999)), ("max", "maxMs", latencies.max),
    ]
  }

  var text: String {
    var details = Details()
    details.add("call", "\(self.call.rawValue), \(self.connections) connection(s) x \(self.concurrency) in flight")
    details.add("duration", "\(Self.fixed(self.seconds, 2)) s")
    details.add("calls", "\(self.result.latencies.count) (\(Self.fixed(self.callsPerSecond, 0)) calls/s)")
    let firstError = self.result.firstError.map { ", first: \($0.code.statusName): \($0.message)" } ?? ""
    details.add("errors", "\(self.result.errors)\(firstError)")
    for (name, _, nanoseconds) in self.percentiles {
      details.add(name, "\(Self.fixed(Double(nanoseconds) / 1e6, 3)) ms")
    }
    return details.render()
  }

  var json: String {
    var fields = [
      "\"call\":\"\(self.call.rawValue)\"", "\"connections\":\(self.connections)",
      "\"concurrency\":\(self.concurrency)", "\"seconds\":\(Self.fixed(self.seconds, 3))",
      "\"calls\":\(self.result.latencies.count)", "\"callsPerSecond\":\(Self.fixed(self.callsPerSecond, 1))",
      "\"errors\":\(self.result.errors)",
    ]
    for (_, key, nanoseconds) in self.percentiles {
      fields.append("\"\(key)\":\(Self.fixed(Double(nanoseconds) / 1e6, 3))")
    }
    return "{" + fields.joined(separator: ",") + "}"
  }

  /// `value` with exactly `decimals` decimals, without Foundation's formatters.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = Int64((value * scale).rounded())
    guard decimals > 0 else { return String(scaled) }
    let sign = scaled < 0 ? "-" : ""
    var digits = String(scaled.magnitude)
    if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    return sign + digits
  }
}
