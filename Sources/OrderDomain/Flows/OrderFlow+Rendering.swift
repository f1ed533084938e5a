extension OrderFlow {
  /// How an edge is taken, for people.
  static func trigger(_ edge: Edge) -> String { edge.action.map { "manual: \($0.rawValue)" } ?? "platform" }

  /// The flow as plain text, for `orderctl order flow TYPE`.
  public var plainText: String {
    var lines = ["\(type.rawValue) flow: \(summary)"]
    lines.append("initial: " + initial.map(\.rawValue).joined(separator: ", "))
    lines.append(
      "stalls (need retry or cancel): " + (stalls.isEmpty ? "none" : stalls.map(\.rawValue).joined(separator: ", ")))
    lines.append("waiting: " + waiting.map(\.rawValue).joined(separator: ", "))
    lines.append("final: " + finals.map(\.rawValue).joined(separator: ", "))
    lines.append("transitions:")
    let width = edges.map(\.from.rawValue.count).max() ?? 0
    for edge in edges {
      let from = edge.from.rawValue + String(repeating: " ", count: width - edge.from.rawValue.count)
      let action = edge.action.map { "  (\($0.rawValue))" } ?? ""
      lines.append("  \(from) -> \(edge.to)\(action)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The flow as a Markdown section: a table of edges and a Mermaid state diagram.
  public var markdown: String {
    var lines = ["## \(type.rawValue): \(Self.title(type))", "", summary, ""]
    lines.append("- Initial: " + initial.map { "`\($0)`" }.joined(separator: ", "))
    lines.append(
      "- Stalls (need a manual retry or cancel): "
        + (stalls.isEmpty ? "none" : stalls.map { "`\($0)`" }.joined(separator: ", ")))
    lines.append("- Waiting (not in progress): " + waiting.map { "`\($0)`" }.joined(separator: ", "))
    lines.append("- Final: " + finals.map { "`\($0)`" }.joined(separator: ", "))
    lines += ["", "| From | To | Taken by |", "|---|---|---|"]
    lines += edges.map { "| `\($0.from)` | `\($0.to)` | \(Self.trigger($0)) |" }
    lines += ["", "```mermaid", "stateDiagram-v2"]
    lines += initial.map { "  [*] --> \($0)" }
    lines += edges.map { edge in "  \(edge.from) --> \(edge.to)" + (edge.action.map { ": \($0.rawValue)" } ?? "") }
    lines += finals.map { "  \($0) --> [*]" }
    lines += stalls.map { "  class \($0) stall" }
    lines += ["  classDef stall fill:#fdd", "```"]
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every flow as one Markdown document, the content of `docs/order-flows.md`.
  /// Deterministic: the same text on every call.
  public static func markdownDocument(_ flows: [OrderFlow] = all) -> String {
    let header = """
      # Order flows

      Generated from `OrderFlow` (Sources/OrderDomain/Flows); do not edit by hand.
      Every status change is checked against these edges (O2). `scheduled` and `executing`
      exist in every flow (O3). A stall needs a manual action: `retry` or `cancel`.

      """
    return header + "\n" + flows.map(\.markdown).joined(separator: "\n")
  }

  static func title(_ type: OrderType) -> String {
    switch type {
    case .sales: "sales"
    case .renewal: "renewal"
    case .billing: "billing"
    case .change: "change"
    case .payment: "payment"
    case .cancellation: "cancellation"
    case .cancellationCharge: "cancellation charge"
    case .resource: "resource"
    }
  }
}
