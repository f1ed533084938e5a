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

  /// The class of a ``DomainError``. Named after the RPC status codes they map to; the
  /// service layer maps every case (an exhaustive switch, so a new case needs a mapping).
  public enum Code: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The request is malformed or names values that are not allowed.
    case invalidArgument
    /// The object does not exist (or belongs to someone the caller cannot see, T6).
    case notFound
    /// The object to create exists already.
    case alreadyExists
    /// The request is valid but the current state does not allow it.
    case failedPrecondition
    /// The caller is authenticated but not allowed to do this (T6).
    case permissionDenied
    /// No key, or an unknown or revoked key (T6).
    case unauthenticated
    /// A limit was reached (quota, number range, capacity, a full disk).
    case resourceExhausted
    /// The server cannot do it now (a busy or unreadable database, an I/O error); retrying
    /// later may succeed.
    case unavailable
    /// Stored data is damaged; an operator must restore it.
    case dataLoss
    /// The server failed; not the caller's fault.
    case internalError = "internal"
    /// The server does not know the method that was called.
    case unimplemented
    /// The call was cancelled (by its client, or by the server shutting down).
    case cancelled
    /// The call's deadline passed before it finished.
    case deadlineExceeded

    /// A stable name, e.g. `invalidArgument`.
    public var name: String { rawValue }

    public var description: String { rawValue }
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
  public static func unavailable(_ message: String) -> DomainError { .init(.unavailable, message) }
  public static func dataLoss(_ message: String) -> DomainError { .init(.dataLoss, message) }
  public static func internalError(_ message: String) -> DomainError { .init(.internalError, message) }
  public static func unimplemented(_ message: String) -> DomainError { .init(.unimplemented, message) }
  public static func cancelled(_ message: String) -> DomainError { .init(.cancelled, message) }
  public static func deadlineExceeded(_ message: String) -> DomainError { .init(.deadlineExceeded, message) }

  /// One error for several problems found at once, each on its own line.
  ///
  /// - Returns: `nil` when `problems` is empty.
  public static func combining(_ code: Code, summary: String, _ problems: [String]) -> DomainError? {
    guard !problems.isEmpty else { return nil }
    return DomainError(code, ([summary] + problems.map { "- \($0)" }).joined(separator: "\n"))
  }
}
