import GRPCCore

/// What a command adds to a server's error in its own terms: the flag or command to use
/// next. The server speaks of its API; only `orderctl` knows its flags.
struct CommandHint: Sendable {
  /// The codes this hint answers.
  let codes: Set<RPCError.Code>
  /// Words the server's message must contain (any of them, case-insensitive); empty: any message.
  let mentions: [String]
  /// The hint, as printed after `orderctl: hint: `.
  let text: String

  init(_ codes: Set<RPCError.Code>, mentioning mentions: [String] = [], _ text: String) {
    self.codes = codes
    self.mentions = mentions
    self.text = text
  }

  /// Whether this hint applies to a failure with `code` and `message`.
  func applies(to code: RPCError.Code, message: String) -> Bool {
    guard self.codes.contains(code) else { return false }
    let lowered = message.lowercased()
    return self.mentions.isEmpty || self.mentions.contains { lowered.contains($0.lowercased()) }
  }
}
