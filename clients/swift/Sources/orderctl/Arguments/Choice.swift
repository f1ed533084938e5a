import ArgumentParser

/// An option value that is one of a protobuf enum's CLI names: `--kind country-tenant`.
struct Choice<Value: CLIEnum>: ExpressibleByArgument {
  let value: Value

  init?(argument: String) {
    guard let value = Value.choices.first(where: { $0.label == argument }) else { return nil }
    self.value = value
  }

  var defaultValueDescription: String { self.value.label }

  static var allValueStrings: [String] { Value.choices.map(\.label) }
}

/// A comma-separated list of a protobuf enum's CLI names: `--billing-cycles monthly,annual`.
struct ChoiceList<Value: CLIEnum>: ExpressibleByArgument {
  let values: [Value]

  init?(argument: String) {
    var values: [Value] = []
    for name in argument.split(separator: ",", omittingEmptySubsequences: false) {
      guard let choice = Choice<Value>(argument: String(name)) else { return nil }
      values.append(choice.value)
    }
    self.values = values
  }

  static var allValueStrings: [String] { Value.choices.map(\.label) }
}
