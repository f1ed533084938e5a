import Crypto
import Foundation
import OrderDomain

/// Stored idempotency outcomes, sealed so that the data directory alone does not reveal them.
///
/// A row is found by a hash of the client's idempotency key, never the key itself, and its
/// response is encrypted with AES-256-GCM under a key derived with HKDF-SHA256 from the
/// idempotency key and a random salt of the row. Only a caller presenting the idempotency key
/// again opens it; a copy of the file does not, unless the key can be guessed (hence the minimum
/// length for methods whose answer carries a secret). See docs/decisions.md.
enum OutcomeSeal {
  /// A sealed response and the salt its key was derived with.
  struct Sealed: Sendable {
    var salt: Data
    /// AES-GCM's nonce, ciphertext and tag.
    var box: Data
  }

  /// The row id of an idempotency key: SHA-256 over a domain prefix and the key.
  static func lookupHash(of key: String) -> Data {
    var bytes = Data("orderd idempotency lookup v1".utf8)
    bytes.append(0)
    bytes.append(Data(key.utf8))
    return Data(SHA256.hash(data: bytes))
  }

  /// Encrypts `response` under `key`; `context` (method and request hash) is authenticated
  /// with it, so the box opens only for the row it was written for.
  static func seal(_ response: Data, key: String, context: Data) throws -> Sealed {
    let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }
    let box = try AES.GCM.seal(response, using: derivedKey(key, salt: salt), authenticating: context)
    guard let combined = box.combined else {
      throw DomainError.internalError("AES-GCM produced no combined box")
    }
    return Sealed(salt: salt, box: combined)
  }

  /// The response sealed under `key`.
  ///
  /// - Throws: `internalError` when the box does not open (the row was damaged).
  static func open(_ sealed: Sealed, key: String, context: Data) throws -> Data {
    do {
      let box = try AES.GCM.SealedBox(combined: sealed.box)
      return try AES.GCM.open(box, using: derivedKey(key, salt: sealed.salt), authenticating: context)
    } catch {
      throw DomainError.internalError("the stored outcome of this idempotency key cannot be opened: \(error)")
    }
  }

  /// What a sealed box authenticates besides its content: the method and the request's hash.
  static func context(method: String, requestHash: Data) -> Data {
    var bytes = Data(method.utf8)
    bytes.append(0)
    bytes.append(requestHash)
    return bytes
  }

  private static func derivedKey(_ key: String, salt: Data) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(
      inputKeyMaterial: SymmetricKey(data: Data(key.utf8)), salt: salt,
      info: Data("orderd idempotency outcome v1".utf8), outputByteCount: 32)
  }
}
