import GRPCCore
import Metrics

/// The RPC metrics: `orderd_rpc_calls_total{method,code}` and
/// `orderd_rpc_duration_seconds{method}`. Every series is made once, when the server is
/// built, for every method it serves and every status code, so that a call only looks up an
/// immutable table and increments (no lock here, none beyond the backend's own).
struct CallMetrics: Sendable {
  /// One method's series.
  struct Series: Sendable {
    /// Indexed by the status code's raw value, 0 OK ... 16 UNAUTHENTICATED.
    let calls: [Counter]
    let duration: Timer

    /// Counts a call that ended with `code` and records how long it took since `start`.
    func finish(_ code: Status.Code, since start: ContinuousClock.Instant) {
      self.duration.record(duration: ContinuousClock.now - start)
      let index = code.rawValue
      self.calls[self.calls.indices.contains(index) ? index : Status.Code.unknown.rawValue].increment()
    }
  }

  /// The method label of a call to a method the server does not serve.
  static let otherMethod = "other"

  private let series: [String: Series]
  private let other: Series

  init(methods: [String], factory: any MetricsFactory) {
    func make(_ method: String) -> Series {
      let calls = (0...16).map { raw in
        let code = Status.Code(rawValue: raw).map(StatusCodeName.of) ?? "UNKNOWN"
        return Counter(
          label: "orderd_rpc_calls_total", dimensions: [("method", method), ("code", code)], factory: factory)
      }
      let duration = Timer(label: "orderd_rpc_duration_seconds", dimensions: [("method", method)], factory: factory)
      return Series(calls: calls, duration: duration)
    }
    self.series = Dictionary(Set(methods).map { ($0, make($0)) }, uniquingKeysWith: { first, _ in first })
    self.other = make(Self.otherMethod)
  }

  /// The series of `method` (`orders.v1.OrderService/PlaceOrder`), or of ``otherMethod``.
  func series(for method: String) -> Series {
    self.series[method] ?? self.other
  }
}
