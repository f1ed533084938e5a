import GRPCCore
public import Metrics
import OrderProtocol
import OrderStorage
import OrderTransport

/// Every metric of orderd, made once from one `MetricsFactory`: swift-metrics' global one in
/// `orderd` (bootstrapped with Prometheus when `--metrics-port` is given), a `TestMetrics` in
/// tests. The names, types and labels are listed in docs/operations.md.
public struct OrderdMetrics: Sendable {
  public let factory: any MetricsFactory
  let calls: CallMetrics
  let work: WorkMetrics
  /// `orderd_idempotent_replays_total`: calls answered with the stored outcome of an earlier
  /// call with the same idempotency key.
  let idempotentReplays: Counter
  public let storage: StorageMetrics
  public let transport: TransportMetrics

  /// One call series for every method of the API (``Access/methods``: a method missing there
  /// is refused anyway) and of the health service; calls to any other method count as `other`.
  public init(factory: any MetricsFactory = MetricsSystem.factory) {
    self.factory = factory
    let health = [Grpc_Health_V1_Health.Method.Check.descriptor, Grpc_Health_V1_Health.Method.Watch.descriptor]
      .map(\.fullyQualifiedMethod)
    self.calls = CallMetrics(methods: Array(Access.methods.keys) + health, factory: factory)
    self.work = WorkMetrics(factory: factory)
    self.idempotentReplays = Counter(label: "orderd_idempotent_replays_total", factory: factory)
    self.storage = StorageMetrics(factory: factory)
    self.transport = TransportMetrics(factory: factory)
  }

}
