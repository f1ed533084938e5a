/// Metadata keys of the orderd API, shared by the server, the client and `orderctl`.
public enum MetadataKeys {
  /// `authorization: Bearer <api key>`.
  public static let authorization = "authorization"
  /// A client-chosen key that makes a mutating call safe to retry.
  public static let idempotencyKey = "idempotency-key"
  /// The longest idempotency key accepted.
  public static let maxIdempotencyKeyLength = 128
  /// The call's request id: sent by a client (optional) and returned by the server in the
  /// response's initial metadata, or its trailers when the call fails before a response.
  public static let requestID = "x-request-id"
  /// The longest client request id used; a longer or otherwise invalid one is replaced.
  public static let maxRequestIDLength = 128
}
