/// One verified property of the server's state, printed as a pass/fail line.
struct Check: Sendable {
  let name: String
  let passed: Bool
  /// What was found, for the line and for a failure.
  let detail: String

  var line: String { "check \(self.passed ? "pass" : "FAIL"): \(self.name) (\(self.detail))" }
}
