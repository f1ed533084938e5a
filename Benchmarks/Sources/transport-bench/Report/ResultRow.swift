/// One row of the results: a transport at one concurrency, measured one or more times.
struct ResultRow: Sendable {
  struct Run: Sendable {
    var result: LoadResult
    /// Peak resident memory during this run's set-up, warm-up and measurement, if it could be
    /// measured alone.
    var peakResident: Int?
  }

  var transport: TransportKind
  var concurrency: Int
  var runs: [Run] = []

  /// The run with the median calls per second (the lower middle one for an even count).
  var median: Run? {
    let sorted = self.runs.sorted { $0.result.callsPerSecond < $1.result.callsPerSecond }
    return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
  }

  var callsPerSecondRange: ClosedRange<Double>? {
    let rates = self.runs.map(\.result.callsPerSecond)
    guard let low = rates.min(), let high = rates.max() else { return nil }
    return low...high
  }

  var peakResident: Int? { self.runs.compactMap(\.peakResident).max() }
}
