extension Product {
  /// The largest quantity limit a product may have; keeps amounts far from overflow.
  public static let quantityCeiling = 1_000_000

  /// Whether `sku` is well formed: 1 to 64 letters, digits, `-`, `_` or `.`, starting
  /// with a letter or digit.
  public static func isWellFormedSKU(_ sku: String) -> Bool {
    let scalars = Array(sku.unicodeScalars)
    guard let first = scalars.first, scalars.count <= 64, isAlphanumeric(first)
    else { return false }
    return scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" || $0 == "." }
  }

  private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
  }

  /// Checks a new product against the rules of C1 and the existing catalog.
  ///
  /// - Parameters:
  ///   - catalog: the organization's products by SKU (to resolve `addonOf`, `upgradesTo`).
  ///   - currency: the organization's currency; the price must be in it.
  /// - Throws: `invalidArgument` listing every problem found.
  public func validateNew(catalog: [String: Product], currency: String) throws(DomainError) {
    var problems: [String] = []
    if !Product.isWellFormedSKU(sku) {
      problems.append("SKU '\(sku)' must be 1 to 64 letters, digits, '-', '_' or '.'")
    }
    if name.allSatisfy(\.isWhitespace) { problems.append("name must not be empty") }
    problems += quantityProblems() + priceProblems(currency: currency) + pricingProblems()
    problems += relationProblems(catalog: catalog)
    if let error = DomainError.combining(.invalidArgument, summary: "product \(sku) is not valid:", problems) {
      throw error
    }
  }

  private func quantityProblems() -> [String] {
    var problems: [String] = []
    if minQuantity < 1 { problems.append("minimum quantity must be at least 1 (is \(minQuantity))") }
    if maxQuantity > Product.quantityCeiling {
      problems.append("maximum quantity must be at most \(Product.quantityCeiling) (is \(maxQuantity))")
    }
    if minQuantity > maxQuantity {
      problems.append("minimum quantity \(minQuantity) is greater than maximum quantity \(maxQuantity)")
    }
    return problems
  }

  private func priceProblems(currency: String) -> [String] {
    var problems: [String] = []
    if unitPrice.isNegative { problems.append("unit price must not be negative (is \(unitPrice))") }
    if unitPrice.currency != currency {
      problems.append("unit price must be in the organization's currency \(currency), not \(unitPrice.currency)")
    }
    if kind == .trial && !unitPrice.isZero { problems.append("a trial must be free (price is \(unitPrice))") }
    return problems
  }

  private func pricingProblems() -> [String] {
    var problems: [String] = []
    switch kind {
    case .subscription, .addon, .trial:
      if !isRecurring { problems.append("a \(kind.rawValue) product needs recurring pricing, not oneTime") }
    case .asset, .oneOff:
      if isRecurring { problems.append("a \(kind.rawValue) product needs oneTime pricing, not \(pricing.rawValue)") }
    }
    if isRecurring {
      if billingCycles.isEmpty { problems.append("at least one billing cycle is required") }
      if terms.isEmpty { problems.append("at least one term is required") }
      if Set(billingCycles).count != billingCycles.count { problems.append("billing cycles are listed twice") }
      if Set(terms).count != terms.count { problems.append("terms are listed twice") }
      if let longestTerm = terms.max(), let cycle = billingCycles.first(where: { $0.months > longestTerm.months }) {
        problems.append("billing cycle \(cycle.rawValue) is longer than every allowed term")
      }
    } else if !billingCycles.isEmpty || !terms.isEmpty {
      problems.append("a oneTime product has no billing cycles or terms; leave them empty")
    }
    return problems
  }

  private func relationProblems(catalog: [String: Product]) -> [String] {
    var problems: [String] = []
    switch (kind, addonOf) {
    case (.addon, nil):
      problems.append("an add-on must name its base product's SKU")
    case (.addon, let base?):
      if let baseProduct = catalog[base] {
        if baseProduct.kind != .subscription && baseProduct.kind != .trial {
          problems.append("base product \(base) is a \(baseProduct.kind.rawValue), not a subscription")
        }
      } else {
        problems.append("base product \(base) does not exist in the catalog")
      }
    case (_, let base?):
      problems.append("only an add-on names a base product (\(base)); this is a \(kind.rawValue)")
    case (_, nil):
      break
    }
    if Set(upgradesTo).count != upgradesTo.count { problems.append("upgrade SKUs are listed twice") }
    for target in upgradesTo {
      if target == sku {
        problems.append("a product cannot be upgraded to itself")
      } else if catalog[target] == nil {
        problems.append("upgrade target \(target) does not exist in the catalog")
      }
    }
    return problems
  }
}
