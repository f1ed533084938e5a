import OrderProtocol

/// The `idempotency-key` of one logical mutating call.
///
/// One key is drawn per logical call and sent unchanged with every attempt of that call, so
/// the server, which stores each key's outcome, performs the work at most once however many
/// times the call is retried.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
  public let description: String

  /// A caller-chosen key, for a call that must stay idempotent across process restarts.
  /// Returns nil when the server would refuse it (empty or too long). Calls whose answer
  /// carries a secret (`createKey`, `createOrganization`) need at least 16 bytes, since the
  /// server keeps their answer sealed under the key: choose a random one, such as a UUID.
  public init?(_ value: String) {
    guard !value.isEmpty, value.utf8.count <= MetadataKeys.maxIdempotencyKeyLength else { return nil }
    self.description = value
  }

  /// A fresh random key: 128 random bits in hexadecimal.
  public static func random() -> IdempotencyKey {
    var generator = SystemRandomNumberGenerator()
    let high = generator.next() as UInt64
    let low = generator.next() as UInt64
    return IdempotencyKey(unchecked: hex(high) + hex(low))
  }

  private init(unchecked value: String) {
    self.description = value
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
