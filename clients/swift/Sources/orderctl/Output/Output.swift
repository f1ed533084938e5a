import SwiftProtobuf

/// Prints a command's result: a readable rendering, or with `--json` the response message as
/// one protobuf canonical JSON document.
struct Output {
  let json: Bool

  /// Prints `message` as JSON, or `render(message)` as text.
  func emit<M: SwiftProtobuf.Message>(_ message: M, _ render: (M) -> String) throws {
    if self.json {
      print(try message.jsonString())
    } else {
      print(render(message))
    }
  }
}
