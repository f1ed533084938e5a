extension Money {
  /// Parses a decimal string such as `12.50`, `-3`, or `0.5` in `currency`.
  ///
  /// Rejects more decimal places than the currency has (`12.505` in USD), exponents,
  /// grouping separators and anything else that is not a plain decimal number.
  public init(parsing text: String, currency: String) throws(DomainError) {
    guard Currency.isWellFormed(currency) else {
      throw .invalidArgument("currency '\(currency)' is not a three-letter ISO 4217 code such as USD")
    }
    let decimals = Currency.decimals(of: currency)
    var rest = Substring(text)
    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    let isDigits: (Substring) -> Bool = { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty
    else {
      throw .invalidArgument("'\(text)' is not a decimal amount; write it like 12.50")
    }
    guard fraction.count <= decimals else {
      let example = decimals == 0 ? "a whole number" : "at most \(decimals) decimal places"
      throw .invalidArgument("'\(text)' has more precision than \(currency) allows; use \(example)")
    }
    let padded = String(fraction) + String(repeating: "0", count: decimals - fraction.count)
    guard let units = Int64(String(whole) + padded) else {
      throw .invalidArgument("'\(text)' is too large an amount")
    }
    self.init(minorUnits: negative ? -units : units, currency: currency)
  }
}
