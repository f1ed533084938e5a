import ArgumentParser
import OrderClient

/// The option of commands that change state: the idempotency key that makes rerunning the
/// command safe when its outcome is unknown (a timeout, a dropped connection).
struct MutationOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Perform the change at most once per key, across reruns of the command.",
      discussion: """
        Default: a fresh random key, printed when the outcome is unknown. `key create` and `org create` \
        need at least 16 characters (their answer carries a secret): use a random UUID.
        """,
      valueName: "key"))
  var idempotencyKey: String?

  func validate() throws {
    if let key = self.idempotencyKey, IdempotencyKey(key) == nil {
      throw ValidationError("--idempotency-key must be 1 to 128 bytes")
    }
  }

  /// The key for this run: the given one, or a new random one. Call once per command.
  func resolve() -> IdempotencyKey {
    self.idempotencyKey.flatMap(IdempotencyKey.init) ?? .random()
  }
}
