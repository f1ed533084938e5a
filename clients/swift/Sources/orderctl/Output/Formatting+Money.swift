import OrderProtocol

extension Orders_V1_Money {
  /// `12.50 USD`, `-3.00 EUR`, `1200 JPY`; empty when unset.
  var formatted: String {
    if self.currency.isEmpty && self.minorUnits == 0 { return "" }
    let decimals = CurrencyDigits.decimals(of: self.currency)
    let magnitude = self.minorUnits.magnitude
    var text = String(magnitude)
    if decimals > 0 {
      if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
    }
    let sign = self.minorUnits < 0 ? "-" : ""
    return self.currency.isEmpty ? sign + text : "\(sign)\(text) \(self.currency)"
  }
}

/// Decimal places of ISO 4217 currencies (the same table as the server's).
enum CurrencyDigits {
  private static let zero: Set<String> = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
  ]
  private static let three: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

  static func decimals(of code: String) -> Int {
    if zero.contains(code) { return 0 }
    if three.contains(code) { return 3 }
    return 2
  }
}
