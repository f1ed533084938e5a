extension ChangeAction {
  /// The actions of one change order are well combined (H1, C1): at least one, each kind
  /// once, and a cancellation on its own.
  public static func requireWellCombined(_ actions: [ChangeAction]) throws(DomainError) {
    guard !actions.isEmpty else { throw .invalidArgument("a change needs at least one action") }
    var kinds: Set<String> = []
    for action in actions where !kinds.insert(action.kind).inserted {
      throw .invalidArgument("the \(action.kind) action is given twice; give each action once")
    }
    if actions.contains(.cancel) && actions.count > 1 {
      throw .invalidArgument("a cancellation cannot be combined with other actions; cancel on its own")
    }
  }
}
