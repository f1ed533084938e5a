/// Metadata keys of the orderd API, shared by the server, the client and `orderctl`.
public enum MetadataKeys {
  /// `authorization: Bearer <api key>`.
  public static let authorization = "authorization"
  /// A client-chosen key that makes a mutating call safe to retry.
  public static let idempotencyKey = "idempotency-key"
  /// The longest idempotency key accepted.
  public static let maxIdempotencyKeyLength = 128
}
