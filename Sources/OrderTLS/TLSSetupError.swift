/// A certificate, key or CA file that could not be used, named for the operator.
public struct TLSSetupError: Error, CustomStringConvertible {
  public let description: String

  init(_ what: String, path: String, cause: any Error) {
    self.description = "cannot use \(what) \(path): \(cause)"
  }
}
