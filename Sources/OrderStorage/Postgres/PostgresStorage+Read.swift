extension PostgresStorage {
  /// Runs `body`, which need not escape, in one `REPEATABLE READ READ ONLY` transaction after
  /// the `prologue` (``transaction(_:prologue:_:)``, whose body runs on a pool thread).
  ///
  /// `body` is handed to the thread in a box emptied before this returns: the thread's
  /// closures may outlive the transaction by a moment, and a non-escaping closure must not.
  /// The box is read only while this waits for the transaction.
  func read<T: Sendable>(prologue: [String], _ body: @Sendable (PostgresSession) throws -> T) async throws -> T {
    try await withoutActuallyEscaping(body) { escapable in
      let box = ReadBody(escapable)
      defer { box.body = nil }
      return try await transaction(.read, prologue: prologue) { session in
        guard let body = box.body else { throw CancellationError() }
        return try body(session)
      }
    }
  }
}

/// A read's closure, lent to a pool thread for the length of one transaction.
private final class ReadBody<T>: @unchecked Sendable {
  var body: (@Sendable (PostgresSession) throws -> T)?

  init(_ body: @escaping @Sendable (PostgresSession) throws -> T) { self.body = body }
}
