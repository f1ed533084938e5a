import ArgumentParser

/// A unit price typed as a decimal amount with at most two decimals, `12.50`, held in minor
/// units (cents). The currency is the organization's: the server fills it in.
struct Price: ExpressibleByArgument {
  static let decimals = 2
  let minorUnits: Int64

  init?(argument: String) {
    try? self.init(parsing: argument)
  }

  init(parsing text: String) throws(ValidationError) {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty else {
      throw ValidationError("--price '\(text)' is not an amount; write it like 12.50")
    }
    guard fraction.count <= Self.decimals else {
      throw ValidationError(
        "--price '\(text)' has more than \(Self.decimals) decimal places; prices are in cents, like 12.50")
    }
    let digits = String(whole) + String(fraction) + String(repeating: "0", count: Self.decimals - fraction.count)
    guard let units = Int64(digits) else {
      throw ValidationError("--price '\(text)' is too large")
    }
    self.minorUnits = units
  }
}
