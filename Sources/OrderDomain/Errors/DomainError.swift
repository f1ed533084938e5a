/// An error the domain or storage reports to a caller, with a message a person can act on.
///
/// The service layer maps ``code`` to one RPC status code in one place; ``message`` is
/// shown to the user as it is.
public struct DomainError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The class of failure; maps one-to-one to an RPC status code.
  public var code: Code
  /// What went wrong and what to do about it, written for a person.
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { "\(code): \(message)" }

  /// The class of a ``DomainError``. Named after the RPC status codes they map to.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    /// A stable name, e.g. `invalidArgument`.
    public let name: String

    private init(_ name: String) { self.name = name }

    public var description: String { name }

    /// The request is malformed or names values that are not allowed.
    public static let invalidArgument = Code("invalidArgument")
    /// The object does not exist (or belongs to someone the caller cannot see, T6).
    public static let notFound = Code("notFound")
    /// The object to create exists already.
    public static let alreadyExists = Code("alreadyExists")
    /// The request is valid but the current state does not allow it.
    public static let failedPrecondition = Code("failedPrecondition")
    /// The caller is authenticated but not allowed to do this (T6).
    public static let permissionDenied = Code("permissionDenied")
    /// No key, or an unknown or revoked key (T6).
    public static let unauthenticated = Code("unauthenticated")
    /// A limit was reached (quota, number range, capacity).
    public static let resourceExhausted = Code("resourceExhausted")
    /// The server failed; not the caller's fault.
    public static let internalError = Code("internal")
  }
}

extension DomainError {
  public static func invalidArgument(_ message: String) -> DomainError { .init(.invalidArgument, message) }
  public static func notFound(_ message: String) -> DomainError { .init(.notFound, message) }
  public static func alreadyExists(_ message: String) -> DomainError { .init(.alreadyExists, message) }
  public static func failedPrecondition(_ message: String) -> DomainError {
    .init(.failedPrecondition, message)
  }
  public static func permissionDenied(_ message: String) -> DomainError { .init(.permissionDenied, message) }
  public static func unauthenticated(_ message: String) -> DomainError { .init(.unauthenticated, message) }
  public static func resourceExhausted(_ message: String) -> DomainError {
    .init(.resourceExhausted, message)
  }
  public static func internalError(_ message: String) -> DomainError { .init(.internalError, message) }

  /// One error for several problems found at once, each on its own line.
  ///
  /// - Returns: `nil` when `problems` is empty.
  public static func combining(_ code: Code, summary: String, _ problems: [String]) -> DomainError? {
    guard !problems.isEmpty else { return nil }
    return DomainError(code, ([summary] + problems.map { "- \($0)" }).joined(separator: "\n"))
  }
}
