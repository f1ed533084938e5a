import ArgumentParser

/// A unit price typed as a plain non-negative decimal amount, `12.50`, in the organization's
/// currency. It is sent as text (`CreateProductRequest.price`): the server knows the
/// currency and refuses more decimals than it has (2 for USD and EUR, 0 for JPY).
struct Price {
  let text: String

  init(parsing text: String) throws(ValidationError) {
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = parts[0]
    let fraction = parts.count > 1 ? parts[1] : ""
    let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    guard !whole.isEmpty, isDigits(whole), isDigits(fraction), parts.count == 1 || !fraction.isEmpty else {
      throw ValidationError("--price '\(text)' is not an amount; write it like 12.50")
    }
    guard fraction.count <= 3 else {
      throw ValidationError("--price '\(text)' has too many decimal places; write it like 12.50")
    }
    self.text = text
  }
}
