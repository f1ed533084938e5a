/// An exact, signed amount of money: integer minor units (cents) of one currency.
///
/// Never a floating-point value. Arithmetic between different currencies or that would
/// overflow throws `invalidArgument`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The amount in the currency's minor unit (e.g. cents); negative for credits.
  public var minorUnits: Int64
  /// ISO 4217 code, e.g. `USD`.
  public var currency: String

  public init(minorUnits: Int64, currency: String) {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Zero in `currency`.
  public static func zero(_ currency: String) -> Money { Money(minorUnits: 0, currency: currency) }

  public var isNegative: Bool { minorUnits < 0 }
  public var isZero: Bool { minorUnits == 0 }

  /// The amount as a decimal string with the currency's decimals, e.g. `-12.50`.
  public var decimalString: String {
    let decimals = Currency.decimals(of: currency)
    let sign = minorUnits < 0 ? "-" : ""
    let magnitude = minorUnits.magnitude
    guard decimals > 0 else { return sign + String(magnitude) }
    var scale: UInt64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let fraction = String(magnitude % scale)
    let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
    return "\(sign)\(magnitude / scale).\(padded)"
  }

  /// E.g. `12.50 USD`.
  public var description: String { "\(decimalString) \(currency)" }

  /// The amount with the opposite sign.
  public func negated() throws(DomainError) -> Money {
    guard minorUnits != .min else { throw Money.overflow }
    return Money(minorUnits: -minorUnits, currency: currency)
  }

  public func adding(_ other: Money) throws(DomainError) -> Money {
    try requireSameCurrency(other)
    let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
    guard !overflow else { throw Money.overflow }
    return Money(minorUnits: sum, currency: currency)
  }

  public func subtracting(_ other: Money) throws(DomainError) -> Money {
    try requireSameCurrency(other)
    let (difference, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
    guard !overflow else { throw Money.overflow }
    return Money(minorUnits: difference, currency: currency)
  }

  /// The amount times a (possibly negative) quantity.
  public func multiplied(by quantity: Int) throws(DomainError) -> Money {
    let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(quantity))
    guard !overflow else { throw Money.overflow }
    return Money(minorUnits: product, currency: currency)
  }

  /// The sum of `amounts`, all in `currency`.
  public static func sum(_ amounts: [Money], currency: String) throws(DomainError) -> Money {
    var total = Money.zero(currency)
    for amount in amounts { total = try total.adding(amount) }
    return total
  }

  private func requireSameCurrency(_ other: Money) throws(DomainError) {
    guard other.currency == currency else {
      throw .invalidArgument("cannot combine amounts in \(currency) and \(other.currency)")
    }
  }

  static let overflow = DomainError.invalidArgument("amount is too large")
}
