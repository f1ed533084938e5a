/// A failure of the benchmark itself (the server did not start, a setup call failed).
struct BenchFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
