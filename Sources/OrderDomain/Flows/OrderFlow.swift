/// The flow of one order type (O2): statuses as nodes, allowed transitions as edges.
///
/// Kept as data so it can be enforced on every status change, printed
/// (`orderctl order flow SO`) and written to `docs/order-flows.md`.
public struct OrderFlow: Hashable, Sendable {
  public let type: OrderType
  /// What the flow is for, in one sentence.
  public let summary: String
  /// The statuses an order of this type may be created in.
  public let initial: [OrderStatus]
  /// Every allowed transition, in a stable order.
  public let edges: [Edge]
  /// Statuses that need a manual action (retry or cancel) to move on.
  public let stalls: [OrderStatus]
  /// Statuses an order waits in for a date or an event, without being in progress:
  /// `scheduled` and `provisionFinished` (O3).
  public let waiting: [OrderStatus]
  /// Statuses that end the flow; `completed` is the successful end.
  public let finals: [OrderStatus]
  /// What a retry of a stalled order of this type runs, or `nil` when nothing can be retried.
  public let retry: RetryStep?

  /// An allowed transition.
  public struct Edge: Hashable, Sendable {
    public let from: OrderStatus
    public let to: OrderStatus
    /// The manual action that takes it, or `nil` when the platform (or the vendor) moves
    /// the order along it.
    public let action: ManualAction?

    public init(_ from: OrderStatus, _ to: OrderStatus, action: ManualAction? = nil) {
      self.from = from
      self.to = to
      self.action = action
    }
  }

  /// A manual action on an order (O2).
  public enum ManualAction: String, Hashable, Sendable, CaseIterable {
    /// Try a stalled step again.
    case retry
    /// Stop the order; it ends `cancelled`.
    case cancel
  }

  public init(
    type: OrderType, summary: String, initial: [OrderStatus], edges: [Edge], stalls: [OrderStatus],
    waiting: [OrderStatus], finals: [OrderStatus], retry: RetryStep? = nil
  ) {
    self.type = type
    self.summary = summary
    self.initial = initial
    self.edges = edges
    self.stalls = stalls
    self.waiting = waiting
    self.finals = finals
    self.retry = retry
  }

  /// Every status of the flow, in order of first appearance.
  public var statuses: [OrderStatus] {
    var seen: Set<OrderStatus> = []
    return (initial + edges.flatMap { [$0.from, $0.to] } + stalls + finals).filter { seen.insert($0).inserted }
  }

  /// The edges leaving `status`.
  public func edges(from status: OrderStatus) -> [Edge] { edges.filter { $0.from == status } }

  /// Whether `from -> to` is an edge.
  public func allows(from: OrderStatus, to: OrderStatus) -> Bool {
    edges.contains { $0.from == from && $0.to == to }
  }

  public func isStall(_ status: OrderStatus) -> Bool { stalls.contains(status) }
  public func isFinal(_ status: OrderStatus) -> Bool { finals.contains(status) }

  /// Whether an order in `status` is being worked on: neither finished nor waiting for a
  /// date or the renewal. At most one such order per subscription.
  public func isInProgress(_ status: OrderStatus) -> Bool { !isFinal(status) && !waiting.contains(status) }

  /// The status `action` leads to from `status`, or `nil` when it is not available there.
  public func target(of action: ManualAction, from status: OrderStatus) -> OrderStatus? {
    edges.first { $0.from == status && $0.action == action }?.to
  }
}
