import GRPCCore

/// What one bench worker (or all of them, merged) measured.
struct BenchResult: Sendable {
  var latencies = LatencyHistogram()
  var errors = 0
  var firstError: RPCError?

  mutating func merge(_ other: BenchResult) {
    self.latencies.merge(other.latencies)
    self.errors += other.errors
    self.firstError = self.firstError ?? other.firstError
  }
}
