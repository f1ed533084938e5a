import OrderProtocol

/// The id of one call, in every log line of the call and returned to the client as
/// `x-request-id` metadata. A client's own `x-request-id` is used when it is 1 to
/// ``MetadataKeys/maxRequestIDLength`` characters of `A-Z a-z 0-9 - _ . :`; otherwise (or
/// without one) the server draws 32 random hex digits.
enum RequestID {
  /// The id to use for a call whose metadata held `sent` (its first `x-request-id` value).
  static func resolve(_ sent: String?) -> String {
    if let sent, Self.isValid(sent) { return sent }
    return Self.generate()
  }

  static func isValid(_ id: String) -> Bool {
    guard !id.isEmpty, id.utf8.count <= MetadataKeys.maxRequestIDLength else { return false }
    return id.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: ":"):
        return true
      default:
        return false
      }
    }
  }

  /// 128 random bits as 32 lowercase hex digits.
  static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let high = generator.next() as UInt64
    let low = generator.next() as UInt64
    return Self.hex(high) + Self.hex(low)
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
