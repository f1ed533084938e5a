import OrderDomain

extension Agent {
  /// The agent stored as `text`; an internal error when it names none.
  static func stored(_ text: String, column: String) throws -> Agent {
    guard let agent = Agent(rawValue: text) else {
      throw DomainError.internalError("unexpected value '\(text)' in column \(column)")
    }
    return agent
  }
}
