/// A failure of the benchmark itself (the server did not start, a setup call failed).
public struct BenchFailure: Error, CustomStringConvertible {
  public let description: String

  public init(_ description: String) { self.description = description }
}
