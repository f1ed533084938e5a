/// The `grpc-timeout` metadata value (at most 8 digits and a unit: H M S m u n), converted
/// to and from the microseconds the HEADERS frame carries.
public enum GRPCTimeout {
  /// HEADERS timeouts of 2^50 µs (about 35.7 years) or more mean "no deadline": such a
  /// deadline cannot pass while the server runs, and larger values would overflow clocks.
  public static let noDeadlineMicroseconds: UInt64 = 1 << 50

  private static let units: [(Character, UInt64)] = [
    ("n", 0), ("u", 1), ("m", 1_000), ("S", 1_000_000), ("M", 60_000_000), ("H", 3_600_000_000),
  ]

  /// The value in microseconds; `nil` when it is not a `grpc-timeout` value.
  public static func microseconds(from value: String) -> UInt64? {
    guard let unit = value.last, let digits = UInt64(value.dropLast()),
      let scale = Self.units.first(where: { $0.0 == unit })?.1
    else { return nil }
    if scale == 0 { return max(1, digits / 1_000) }
    let (product, overflow) = digits.multipliedReportingOverflow(by: scale)
    return overflow ? UInt64.max / 2 : max(1, product)
  }

  /// The shortest exact-enough encoding: the finest unit whose value fits in 8 digits.
  static func encode(microseconds: UInt64) -> String {
    for (unit, scale) in Self.units where scale > 0 {
      // Rounded up without overflow, whatever the peer sent.
      let value = microseconds / scale + (microseconds % scale == 0 ? 0 : 1)
      if value < 100_000_000 { return "\(value)\(unit)" }
    }
    return "99999999H"
  }
}
