extension OrderFlow {
  /// The flow of `type`.
  public static func of(_ type: OrderType) -> OrderFlow {
    switch type {
    case .sales: sales
    case .renewal: renewal
    case .billing: billing
    case .change: change
    case .payment: payment
    case .cancellation: cancellation
    case .cancellationCharge: cancellationCharge
    case .resource: resource
    }
  }

  /// The flows of every type, in ``OrderType/allCases`` order.
  public static var all: [OrderFlow] { OrderType.allCases.map(of) }

  static let finals: [OrderStatus] = [.completed, .cancelled, .failed, .superseded]

  /// Runs on its date or now; the vendor provisions; a provisioning failure stalls.
  static func provisioningEdges(andThen done: [Edge] = []) -> [Edge] {
    [
      Edge(.scheduled, .executing),
      Edge(.scheduled, .cancelled, action: .cancel),
      Edge(.executing, .provisioning),
      Edge(.executing, .completed),
      Edge(.executing, .failed),
      Edge(.provisioning, .completed),
      Edge(.provisioning, .provisioningFailed),
      Edge(.provisioning, .failed),
      Edge(.provisioningFailed, .provisioning, action: .retry),
      Edge(.provisioningFailed, .cancelled, action: .cancel),
    ] + done
  }

  static func provisioningFlow(
    _ type: OrderType, _ summary: String, retry: RetryStep, extra: [Edge] = []
  ) -> OrderFlow {
    let edges = provisioningEdges(andThen: extra)
    let finals = finals.filter { final in edges.contains { $0.to == final } }
    return OrderFlow(
      type: type, summary: summary, initial: [.scheduled, .executing], edges: edges,
      stalls: [.provisioningFailed], waiting: [.scheduled], finals: finals, retry: retry)
  }

  static let sales = provisioningFlow(
    .sales, "A new purchase, now or on a date: creates subscriptions, assets and deliveries.",
    retry: .provisionItems)

  static let renewal = provisioningFlow(
    .renewal, "A subscription renewed at the end of its billing period, with its On Renewal change applied.",
    retry: .complete)

  static let cancellation = provisioningFlow(
    .cancellation, "A cancellation where the provider owes the customer (refund of the unused prepaid part).",
    retry: .executeChange)

  static let cancellationCharge = provisioningFlow(
    .cancellationCharge, "A cancellation where the customer owes the provider (early-termination fee).",
    retry: .executeChange)

  static let resource = provisioningFlow(
    .resource, "A resynchronisation that needs provisioning at the vendor; zero amount.",
    retry: .executeChange)

  static let billing = OrderFlow(
    type: .billing, summary: "A periodic charge, e.g. postpaid usage at the end of a billing period.",
    initial: [.scheduled, .executing],
    edges: [
      Edge(.scheduled, .executing),
      Edge(.scheduled, .cancelled, action: .cancel),
      Edge(.executing, .completed),
      Edge(.executing, .failed),
    ],
    stalls: [], waiting: [.scheduled], finals: [.completed, .cancelled, .failed])

  static let payment = OrderFlow(
    type: .payment, summary: "Supplementary order for processing a payment.",
    initial: [.scheduled, .executing],
    edges: [
      Edge(.scheduled, .executing),
      Edge(.scheduled, .cancelled, action: .cancel),
      Edge(.executing, .paymentPending),
      Edge(.executing, .completed),
      Edge(.executing, .failed),
      Edge(.paymentPending, .completed),
      Edge(.paymentPending, .failed),
      Edge(.paymentPending, .executing, action: .retry),
      Edge(.paymentPending, .cancelled, action: .cancel),
    ],
    stalls: [.paymentPending], waiting: [.scheduled], finals: [.completed, .cancelled, .failed], retry: .complete)

  /// Now, on a custom date (waits in `scheduled`) or On Renewal (waits in
  /// `provisionFinished` once the vendor accepted it, until the renewal applies it, O3).
  static let change = OrderFlow(
    type: .change,
    summary: "A change of an existing subscription: now, on a custom date, or On Renewal.",
    initial: [.scheduled, .executing],
    edges: [
      Edge(.scheduled, .executing),
      Edge(.scheduled, .cancelled, action: .cancel),
      Edge(.scheduled, .superseded),
      Edge(.executing, .provisioning),
      Edge(.executing, .provisionFinished),
      Edge(.executing, .completed),
      Edge(.executing, .failed),
      Edge(.provisioning, .provisionFinished),
      Edge(.provisioning, .completed),
      Edge(.provisioning, .provisioningFailed),
      Edge(.provisioning, .failed),
      Edge(.provisioningFailed, .provisioning, action: .retry),
      Edge(.provisioningFailed, .cancelled, action: .cancel),
      Edge(.provisionFinished, .completed),
      Edge(.provisionFinished, .failed),
      Edge(.provisionFinished, .superseded),
      Edge(.provisionFinished, .cancelled, action: .cancel),
    ],
    stalls: [.provisioningFailed], waiting: [.scheduled, .provisionFinished], finals: finals,
    retry: .executeChange)
}
