/// The Adler-32 checksum that ends a zlib stream (RFC 1950 §8.2).
enum Adler32 {
  private static let modulus: UInt32 = 65521
  /// The most bytes summed before `b` could overflow 32 bits (zlib's NMAX).
  private static let chunk = 5552

  static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    var pending = 0
    for byte in bytes {
      a &+= UInt32(byte)
      b &+= a
      pending += 1
      if pending == Self.chunk {
        a %= Self.modulus
        b %= Self.modulus
        pending = 0
      }
    }
    return (b % Self.modulus) << 16 | (a % Self.modulus)
  }
}
