/// Call latencies in nanoseconds, kept whole so percentiles are exact rather than bucketed.
public struct LatencySamples: Sendable {
  private(set) var nanoseconds: [Int64] = []

  public init(reservingCapacity capacity: Int = 0) {
    self.nanoseconds.reserveCapacity(capacity)
  }

  public var count: Int { self.nanoseconds.count }

  public mutating func record(_ latency: Duration) {
    let (seconds, attoseconds) = latency.components
    self.nanoseconds.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }

  public mutating func append(contentsOf other: LatencySamples) {
    self.nanoseconds.append(contentsOf: other.nanoseconds)
  }

  /// Nearest-rank percentiles (`0.5`, `0.99`, ...) of the samples, in nanoseconds; nil if empty.
  public func percentiles(_ ranks: [Double]) -> [Int64]? {
    guard !self.nanoseconds.isEmpty else { return nil }
    let sorted = self.nanoseconds.sorted()
    return ranks.map { rank in
      let index = Int((rank * Double(sorted.count)).rounded(.up)) - 1
      return sorted[min(max(index, 0), sorted.count - 1)]
    }
  }
}
