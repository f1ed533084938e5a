import Foundation
import OrderDomain
import Testing

@Suite("Order flows", .timeLimit(.minutes(5)))
struct OrderFlowTests {
  @Test(
    "O2: every order type has its own flow; O3: scheduled and executing exist in each", arguments: OrderType.allCases)
  func everyTypeHasAFlow(type: OrderType) {
    let flow = OrderFlow.of(type)
    #expect(flow.type == type)
    #expect(flow.statuses.contains(.scheduled))
    #expect(flow.statuses.contains(.executing))
    #expect(flow.initial.contains(.scheduled))
    #expect(flow.allows(from: .scheduled, to: .executing))
  }

  @Test(
    "O2: every status is reachable from a start and can reach an end; a success ends in completed",
    arguments: OrderType.allCases)
  func graphIsWellFormed(type: OrderType) {
    let flow = OrderFlow.of(type)
    func closure(from start: [OrderStatus], next: (OrderStatus) -> [OrderStatus]) -> Set<OrderStatus> {
      var seen = Set(start)
      var queue = start
      while let status = queue.popLast() {
        for target in next(status) where seen.insert(target).inserted { queue.append(target) }
      }
      return seen
    }
    let reachable = closure(from: flow.initial) { status in flow.edges(from: status).map(\.to) }
    #expect(reachable == Set(flow.statuses))
    for status in flow.statuses {
      let ends = closure(from: [status]) { s in flow.edges(from: s).map(\.to) }
      #expect(!ends.isDisjoint(with: flow.finals), "\(type.rawValue) \(status) cannot end")
      if !flow.isFinal(status) { #expect(ends.contains(.completed), "\(type.rawValue) \(status) cannot complete") }
    }
    for final in flow.finals { #expect(flow.edges(from: final).isEmpty, "\(final) is final but has edges") }
    #expect(flow.finals.contains(.completed))
    #expect(Set(flow.edges).count == flow.edges.count)
  }

  @Test("O2: a stall has a retry and a cancel; cancel is available from scheduled", arguments: OrderType.allCases)
  func stallsHaveManualActions(type: OrderType) {
    let flow = OrderFlow.of(type)
    for stall in flow.stalls {
      #expect(flow.target(of: .retry, from: stall) != nil)
      #expect(flow.target(of: .cancel, from: stall) == .cancelled)
      #expect(flow.isInProgress(stall))
    }
    #expect(flow.target(of: .cancel, from: .scheduled) == .cancelled)
  }

  @Test("O2, O3: a CH order waits in provisionFinished until the renewal; provisioningFailed retries to provisioning")
  func changeFlow() {
    let flow = OrderFlow.of(.change)
    #expect(flow.allows(from: .provisioning, to: .provisionFinished))
    #expect(flow.allows(from: .provisionFinished, to: .completed))
    #expect(flow.allows(from: .provisionFinished, to: .superseded))
    #expect(flow.target(of: .retry, from: .provisioningFailed) == .provisioning)
    #expect(flow.target(of: .cancel, from: .provisionFinished) == .cancelled)
    #expect(flow.isStall(.provisioningFailed))
    #expect(!flow.isInProgress(.provisionFinished))
    #expect(flow.isInProgress(.provisioningFailed))
    #expect(OrderFlow.of(.payment).isStall(.paymentPending))
  }

  @Test("O2: an illegal transition names the type, both statuses and what is allowed")
  func illegalTransition() {
    let completed = order(.change, .completed)
    #expect(
      throws: DomainError.failedPrecondition(
        "order CH-000002: a CH order cannot go from completed to provisioning; allowed from completed: none")
    ) {
      try OrderFlow.transition(completed, to: .provisioning, reason: "x", by: .system, at: now)
    }
    let error = #expect(throws: DomainError.self) {
      try OrderFlow.transition(order(.sales, .scheduled), to: .completed, reason: "x", by: .system, at: now)
    }
    #expect(error?.message.hasSuffix("allowed from scheduled: executing, cancelled") == true)
  }

  @Test("O4: a legal transition returns the change to record, with who and why")
  func legalTransition() throws {
    let change = try OrderFlow.transition(
      order(.resource, .provisioning), to: .provisioningFailed, reason: "vendor down", by: .vendorSystem, at: now)
    #expect(
      change
        == OrderStatusChange(
          orderID: "order-2", time: now, from: .provisioning, to: .provisioningFailed, reason: "vendor down",
          by: .vendorSystem))
  }

  @Test("O2: manual actions are available only where the flow has them")
  func manualActions() throws {
    let flow = OrderFlow.of(.sales)
    let retried = try flow.apply(.retry, to: order(.sales, .provisioningFailed), reason: "r", by: .admin("k"), at: now)
    #expect(retried.to == .provisioning)
    let error = #expect(throws: DomainError.self) {
      try flow.apply(.retry, to: order(.sales, .completed), reason: "r", by: .admin("k"), at: now)
    }
    #expect(error?.message == "order SO-000002 is completed: retry is possible only from provisioningFailed")
    #expect(throws: DomainError.self) {
      try OrderFlow.of(.renewal).transition(order(.sales, .scheduled), to: .executing, reason: "", by: .system, at: now)
    }
  }

  @Test("O2: the Markdown rendering is deterministic and covers every flow; plain text lists the edges")
  func renderings() {
    let document = OrderFlow.markdownDocument()
    #expect(document == OrderFlow.markdownDocument())
    for type in OrderType.allCases { #expect(document.contains("## \(type.rawValue): ")) }
    #expect(document.contains("| `provisioningFailed` | `provisioning` | manual: retry |"))
    #expect(document.contains("stateDiagram-v2"))
    let text = OrderFlow.of(.sales).plainText
    #expect(text.hasPrefix("SO flow: "))
    #expect(text.contains("provisioningFailed -> provisioning  (retry)"))
    #expect(text.contains("stalls (need retry or cancel): provisioningFailed"))
  }

  @Test("only one order per subscription in progress; waiting orders do not count")
  func inProgress() throws {
    try OrderFlow.requireNoneInProgress(
      subscription: "SUB-000001",
      orders: [order(.change, .scheduled), order(.change, .provisionFinished, number: 3), order(.sales, .completed)])
    #expect(
      throws: DomainError.failedPrecondition(
        "subscription SUB-000001 has order CH-000002 in progress (provisioning); wait for it or cancel it")
    ) {
      try OrderFlow.requireNoneInProgress(subscription: "SUB-000001", orders: [order(.change, .provisioning)])
    }
    try OrderFlow.requireNoneInProgress(
      subscription: "SUB-000001", orders: [order(.change, .provisioning, subscription: "SUB-000009")])
  }
}

@Suite("Retry steps of the flows", .timeLimit(.minutes(1)))
struct RetryStepTests {
  @Test("O2: a flow says what its retry runs exactly when it has a retry edge", arguments: OrderType.allCases)
  func retryStepWithRetryEdge(type: OrderType) {
    let flow = OrderFlow.of(type)
    let hasRetryEdge = flow.edges.contains { $0.action == .retry }
    #expect((flow.retry != nil) == hasRetryEdge)
  }

  @Test("O2: a sale retries provisioning, a change its vendor call, a renewal or payment completes")
  func retrySteps() {
    #expect(OrderFlow.of(.sales).retry == .provisionItems)
    for type in [OrderType.change, .cancellation, .cancellationCharge, .resource] {
      #expect(OrderFlow.of(type).retry == .executeChange)
    }
    #expect(OrderFlow.of(.renewal).retry == .complete)
    #expect(OrderFlow.of(.payment).retry == .complete)
    #expect(OrderFlow.of(.billing).retry == nil)
  }
}
