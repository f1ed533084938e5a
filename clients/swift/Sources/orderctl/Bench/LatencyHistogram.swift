/// Latencies in nanoseconds, counted in log-linear buckets (like HdrHistogram): exact below
/// 128 ns, then 64 buckets per power of two, so a percentile is off by at most 1/64 (~1.6%).
/// Memory stays fixed however many calls are recorded.
struct LatencyHistogram: Sendable {
  private static let linear = 128
  private static let perOctave = 64
  private static let octaves = 56  // value >> shift for shift in 1...56 covers all of Int64

  private var counts = [Int](repeating: 0, count: linear + perOctave * octaves)
  private(set) var count = 0
  private(set) var max: Int64 = 0

  mutating func record(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let nanoseconds = Swift.max(0, seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000)
    self.counts[Self.bucket(of: nanoseconds)] += 1
    self.count += 1
    self.max = Swift.max(self.max, nanoseconds)
  }

  mutating func merge(_ other: LatencyHistogram) {
    for index in self.counts.indices { self.counts[index] += other.counts[index] }
    self.count += other.count
    self.max = Swift.max(self.max, other.max)
  }

  /// The latency below which `fraction` (0...1) of the calls fall, in nanoseconds.
  func percentile(_ fraction: Double) -> Int64 {
    guard self.count > 0 else { return 0 }
    let rank = Swift.max(1, Int((fraction * Double(self.count)).rounded(.up)))
    var seen = 0
    for (index, count) in self.counts.enumerated() where count > 0 {
      seen += count
      if seen >= rank { return Swift.min(Self.upperBound(of: index), self.max) }
    }
    return self.max
  }

  static func bucket(of value: Int64) -> Int {
    guard value >= Int64(linear) else { return Int(value) }
    let highestBit = 63 - value.leadingZeroBitCount
    let shift = highestBit - 6  // value >> shift is in 64..<128
    let index = linear + (shift - 1) * perOctave + Int(value >> shift) - perOctave
    return Swift.min(index, linear + perOctave * octaves - 1)
  }

  /// The largest value that falls in bucket `index`.
  static func upperBound(of index: Int) -> Int64 {
    guard index >= linear else { return Int64(index) }
    let offset = index - linear
    let shift = offset / perOctave + 1
    let sub = Int64(offset % perOctave + perOctave)
    let (end, overflow) = (sub + 1).multipliedReportingOverflow(by: Int64(1) << shift)
    return overflow ? .max : end - 1
  }
}
