import Crypto
import Foundation
import OrderDomain

/// Generates, parses and hashes API keys of the form `odk_<keyID>_<secret>` (T3).
///
/// The key id is public and used for lookup; the secret carries 256 random bits and is
/// stored only as its SHA-256 hash.
enum KeyMaterial {
  static let prefix = "odk"

  struct Generated {
    var id: APIKeyID
    var plaintext: String
    var secretHash: Data
  }

  static func generate() -> Generated {
    var random = SystemRandomNumberGenerator()
    let id = hex(bytes(8, using: &random))
    let secret = hex(bytes(32, using: &random))
    return Generated(id: APIKeyID(id), plaintext: "\(prefix)_\(id)_\(secret)", secretHash: hash(secret: secret))
  }

  /// Splits a presented key into its id and secret; `nil` when it is not of our form.
  static func parse(_ presented: String) -> (id: APIKeyID, secret: String)? {
    let parts = presented.split(separator: "_", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0] == prefix, !parts[1].isEmpty, !parts[2].isEmpty, parts[1].count <= 64 else {
      return nil
    }
    return (APIKeyID(String(parts[1])), String(parts[2]))
  }

  static func hash(secret: String) -> Data { Data(SHA256.hash(data: Data(secret.utf8))) }

  /// Compares two hashes in time that does not depend on where they differ.
  static func constantTimeEquals(_ lhs: Data, _ rhs: Data) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
    return difference == 0
  }

  private static func bytes(_ count: Int, using random: inout SystemRandomNumberGenerator) -> [UInt8] {
    (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) }
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
  }
}
