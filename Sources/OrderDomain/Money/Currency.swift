/// The number of decimal places (minor-unit exponent, ISO 4217) of a currency.
public enum Currency {
  private static let zeroDecimals: Set<String> = [
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND",
    "VUV", "XAF", "XOF", "XPF",
  ]
  private static let threeDecimals: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]

  /// Decimal places of `code`: 0 for JPY and the like, 3 for KWD and the like, else 2.
  public static func decimals(of code: String) -> Int {
    if zeroDecimals.contains(code) { return 0 }
    if threeDecimals.contains(code) { return 3 }
    return 2
  }

  /// Whether `code` looks like an ISO 4217 code: three uppercase ASCII letters.
  public static func isWellFormed(_ code: String) -> Bool {
    code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
  }
}
