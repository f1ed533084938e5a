import OrderDomain
import Testing

@Suite("Accounts and access", .timeLimit(.minutes(5)))
struct AccessTests {
  let reseller = Account(id: "ACC-000002", name: "Reseller", kind: .reseller, resellerID: nil, createdAt: now)

  @Test("T5: a customer may belong to a standard reseller; a reseller may not")
  func resellerRules() throws {
    try NewAccount(name: "C", kind: .customer, resellerID: reseller.id).validate(reseller: reseller)
    try NewAccount(name: "R", kind: .reseller).validate(reseller: nil)
    #expect(throws: DomainError.self) {
      try NewAccount(name: "R", kind: .reseller, resellerID: reseller.id).validate(reseller: reseller)
    }
    #expect(throws: DomainError.self) {
      try NewAccount(name: "C", kind: .customer, resellerID: customer.id).validate(reseller: customer)
    }
    #expect(throws: DomainError.self) {
      try NewAccount(name: "C", kind: .customer, resellerID: "ACC-000404").validate(reseller: nil)
    }
  }

  @Test("T3: a storefront principal sees only its account; an admin sees all")
  func scoping() {
    let storefront = Principal(organizationID: "org", role: .storefront, accountID: customer.id, keyID: "k1")
    let admin = Principal(organizationID: "org", role: .admin, accountID: nil, keyID: "k2")
    #expect(storefront.canSee(accountID: customer.id))
    #expect(!storefront.canSee(accountID: reseller.id))
    #expect(admin.canSee(accountID: reseller.id))
    #expect(storefront.agent == .storefront(customer.id))
    #expect(admin.agent == .admin("k2"))
  }

  @Test("T6: a storefront key is denied admin actions and cannot see other accounts")
  func denials() {
    let storefront = Principal(organizationID: "org", role: .storefront, accountID: customer.id, keyID: "k1")
    let denied = #expect(throws: DomainError.self) { try storefront.requireAdmin("create products") }
    #expect(denied?.code == .permissionDenied)
    let hidden = #expect(throws: DomainError.self) { try storefront.requireVisible(accountID: reseller.id) }
    #expect(hidden?.code == .notFound)
  }

  @Test("O4: who made a change round-trips through its text form")
  func agents() {
    for agent in [Agent.system, .vendorSystem, .admin("k1"), .storefront("ACC-000001")] {
      #expect(Agent(rawValue: agent.rawValue) == agent)
    }
    #expect(Agent(rawValue: "someone") == nil)
  }

  @Test("O6: order numbers are the type prefix and six digits")
  func orderNumbers() {
    #expect(OrderNumber(type: .sales, sequence: 42).rawValue == "SO-000042")
    #expect(OrderNumber(type: .cancellationCharge, sequence: 1_234_567).rawValue == "CF-1234567")
    #expect(OrderNumber("RC-000001").type == .resource)
    #expect(OrderType.allCases.map(\.rawValue) == ["SO", "RN", "BO", "CH", "PO", "CL", "CF", "RC"])
  }
}
