import Foundation

/// A call's idempotency key together with what the call asks for: its method and the hash of
/// its request. Work recorded under a claim is found again by the same key and done once; the
/// same key with another method or request is refused.
public struct IdempotencyClaim: Sendable {
  /// The client's idempotency key. Kept in memory only: storage holds its hash
  /// (``OutcomeSeal/lookupHash(of:)``) and what is sealed under it.
  public var key: String
  public var method: String
  public var requestHash: Data

  public init(key: String, method: String, requestHash: Data) {
    self.key = key
    self.method = method
    self.requestHash = requestHash
  }

  /// What a box sealed under this claim authenticates besides its content.
  var sealContext: Data { OutcomeSeal.context(method: method, requestHash: requestHash) }
}
