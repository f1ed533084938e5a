import OrderDomain
import Testing

@Suite("Product validation", .timeLimit(.minutes(5)))
struct ProductValidationTests {
  let existing = Dictionary(uniqueKeysWithValues: catalog.map { ($0.sku, $0) })

  func problems(_ product: Product) -> String? {
    do {
      try product.validateNew(catalog: existing, currency: "USD")
      return nil
    } catch {
      return error.message
    }
  }

  @Test("C1: the sample catalog is valid")
  func validCatalog() throws {
    var built: [String: Product] = [:]
    for product in [office.withoutUpgrades, officeE5, storage, metered, antivirus, setup, trial.withoutUpgrades] {
      try product.validateNew(catalog: built, currency: "USD")
      built[product.sku] = product
    }
  }

  @Test("C1: every problem of a product is named at once")
  func allProblems() throws {
    let bad = Product(
      sku: "bad sku!", name: " ", kind: .addon, pricing: .oneTime, billingCycles: [], terms: [],
      unitPrice: usd("-1.00"), minQuantity: 5, maxQuantity: 2, upgradesTo: ["NOPE"], addonOf: "MISSING")
    let message = try #require(problems(bad))
    for fragment in [
      "SKU 'bad sku!'", "name must not be empty", "minimum quantity 5 is greater than maximum quantity 2",
      "must not be negative", "needs recurring pricing", "base product MISSING does not exist",
      "upgrade target NOPE does not exist",
    ] {
      #expect(message.contains(fragment), "missing: \(fragment)")
    }
  }

  @Test("C1: recurring products need cycles and terms; a cycle may not outlast every term")
  func cyclesAndTerms() {
    var product = office
    product.sku = "NEW"
    product.billingCycles = []
    product.terms = []
    #expect(problems(product)?.contains("at least one billing cycle") == true)
    #expect(problems(product)?.contains("at least one term") == true)
    product.billingCycles = [.annual]
    product.terms = [.oneMonth]
    #expect(problems(product)?.contains("longer than every allowed term") == true)
  }

  @Test("C1: one-time pricing for assets and one-offs, recurring for subscriptions")
  func pricingByKind() {
    var asset = antivirus
    asset.sku = "AV2"
    asset.pricing = .prepaidRecurring
    #expect(problems(asset)?.contains("needs oneTime pricing") == true)
    asset.pricing = .oneTime
    asset.billingCycles = [.monthly]
    #expect(problems(asset)?.contains("has no billing cycles or terms") == true)
  }

  @Test("C1: a trial is free; an add-on's base must be a subscription; the price is in the organization's currency")
  func otherRules() {
    var paidTrial = trial
    paidTrial.sku = "T2"
    paidTrial.upgradesTo = []
    paidTrial.unitPrice = usd("1.00")
    #expect(problems(paidTrial)?.contains("a trial must be free") == true)
    var addonOfAsset = storage
    addonOfAsset.sku = "ADD2"
    addonOfAsset.addonOf = "AV"
    #expect(problems(addonOfAsset)?.contains("is a asset, not a subscription") == true)
    var euro = officeE5
    euro.sku = "EUR1"
    euro.unitPrice = Money(minorUnits: 100, currency: "EUR")
    #expect(problems(euro)?.contains("organization's currency USD") == true)
    var selfUpgrade = officeE5
    selfUpgrade.sku = "SELF"
    selfUpgrade.upgradesTo = ["SELF"]
    #expect(problems(selfUpgrade)?.contains("upgraded to itself") == true)
    var notAddon = officeE5
    notAddon.sku = "X"
    notAddon.addonOf = "O365-E3"
    #expect(problems(notAddon)?.contains("only an add-on names a base") == true)
  }
}

extension Product {
  var withoutUpgrades: Product {
    var copy = self
    copy.upgradesTo = []
    return copy
  }
}
