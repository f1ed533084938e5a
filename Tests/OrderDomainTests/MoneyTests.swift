import OrderDomain
import Testing

@Suite("Money", .timeLimit(.minutes(5)))
struct MoneyTests {
  @Test(
    "C1: decimal strings parse exactly into minor units",
    arguments: [
      ("12.50", "USD", 1250), ("12.5", "USD", 1250), ("12", "USD", 1200), ("-3.07", "EUR", -307),
      ("+0.01", "USD", 1), ("0", "USD", 0), ("1500", "JPY", 1500), ("1.234", "KWD", 1234),
      ("92233720368547758.07", "USD", Int64.max),
    ] as [(String, String, Int64)])
  func parses(text: String, currency: String, minor: Int64) throws {
    let money = try Money(parsing: text, currency: currency)
    #expect(money.minorUnits == minor)
    #expect(money.currency == currency)
  }

  @Test("C1: more precision than the currency has is refused with a clear message")
  func tooPrecise() {
    let error = #expect(throws: DomainError.self) { try Money(parsing: "12.505", currency: "USD") }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.contains("at most 2 decimal places") == true)
    let yen = #expect(throws: DomainError.self) { try Money(parsing: "1.5", currency: "JPY") }
    #expect(yen?.message.contains("a whole number") == true)
  }

  @Test(
    "C1: malformed amounts and currencies are refused",
    arguments: [
      "", "-", "1.", ".5", "1,000.00", "1e3", "12.5.0", " 1", "abc", "--1", "92233720368547758.08",
    ])
  func malformed(text: String) {
    #expect(throws: DomainError.self) { try Money(parsing: text, currency: "USD") }
  }

  @Test("C1: currency codes must be three uppercase letters")
  func badCurrency() {
    #expect(throws: DomainError.self) { try Money(parsing: "1", currency: "usd") }
    #expect(throws: DomainError.self) { try Money(parsing: "1", currency: "DOLLAR") }
  }

  @Test(
    "C1: amounts format back with the currency's decimals",
    arguments: [
      (1250, "USD", "12.50"), (-5, "USD", "-0.05"), (0, "EUR", "0.00"), (1500, "JPY", "1500"), (1, "KWD", "0.001"),
    ] as [(Int64, String, String)])
  func formats(minor: Int64, currency: String, text: String) throws {
    let money = Money(minorUnits: minor, currency: currency)
    #expect(money.decimalString == text)
    #expect(try Money(parsing: text, currency: currency) == money)
  }

  @Test("O5: arithmetic is exact and signed")
  func arithmetic() throws {
    #expect(try usd("0.10").adding(usd("0.20")) == usd("0.30"))
    #expect(try usd("5.00").subtracting(usd("7.25")) == usd("-2.25"))
    #expect(try usd("19.99").multiplied(by: 3) == usd("59.97"))
    #expect(try usd("19.99").multiplied(by: -2) == usd("-39.98"))
    #expect(try usd("1.00").negated() == usd("-1.00"))
    #expect(try Money.sum([usd("1.10"), usd("2.20"), usd("-0.30")], currency: "USD") == usd("3.00"))
    #expect(usd("-1.00").description == "-1.00 USD")
  }

  @Test("mixing currencies or overflowing is refused")
  func refusals() {
    #expect(throws: DomainError.self) { try usd("1.00").adding(Money(minorUnits: 1, currency: "EUR")) }
    #expect(throws: DomainError.self) { try Money(minorUnits: .max, currency: "USD").adding(usd("0.01")) }
    #expect(throws: DomainError.self) { try Money(minorUnits: .max / 2, currency: "USD").multiplied(by: 3) }
    #expect(throws: DomainError.self) { try Money(minorUnits: .min, currency: "USD").negated() }
  }
}
