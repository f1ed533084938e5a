/// A broken invariant: the input that caused it is a bug to fix and keep as a regression.
public struct FuzzFailure: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { "fuzz invariant broken: \(self.message)" }
}
