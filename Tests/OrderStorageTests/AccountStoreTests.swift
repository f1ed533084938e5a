import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: accounts", .timeLimit(.minutes(5)))
struct AccountStoreTests {
  @Test("T5: accounts are customers or resellers with sequential ids; customers may belong to a reseller")
  func kindsAndResellers() async throws {
    try await withStore { store in
      let (reseller, customer, direct) = try await store.write { tx in
        let reseller = try tx.createAccount(NewAccount(name: "Reseller", kind: .reseller), now: t0)
        let customer = try tx.createAccount(NewAccount(name: "Cust", kind: .customer, resellerID: reseller.id), now: t0)
        let direct = try tx.createAccount(NewAccount(name: "Direct", kind: .customer), now: t0)
        return (reseller, customer, direct)
      }
      #expect(reseller.id == "ACC-000001")
      #expect(customer.id == "ACC-000002")
      #expect(customer.resellerID == reseller.id)
      #expect(direct.resellerID == nil)
      let ofReseller = try await store.read { tx in try tx.accounts(resellerID: reseller.id) }
      #expect(ofReseller == [customer])
      let resellers = try await store.read { tx in try tx.accounts(kind: .reseller) }
      #expect(resellers == [reseller])
      #expect(try await store.read { tx in try tx.account("ACC-000002") } == customer)
    }
  }

  @Test("T5: a reseller cannot belong to a reseller; a customer's reseller must be a reseller")
  func invalidResellers() async throws {
    try await withStore { store in
      let (reseller, customer) = try await store.write { tx in
        (
          try tx.createAccount(NewAccount(name: "R", kind: .reseller), now: t0),
          try tx.createAccount(NewAccount(name: "C", kind: .customer), now: t0)
        )
      }
      for new in [
        NewAccount(name: "R2", kind: .reseller, resellerID: reseller.id),
        NewAccount(name: "C2", kind: .customer, resellerID: customer.id),
        NewAccount(name: "C3", kind: .customer, resellerID: "ACC-999999"),
        NewAccount(name: " ", kind: .customer),
      ] {
        let error = await #expect(throws: DomainError.self) {
          _ = try await store.write { tx in try tx.createAccount(new, now: t0) }
        }
        #expect(error?.code == .invalidArgument)
      }
      #expect(try await store.read { tx in try tx.accounts().count } == 2)
    }
  }

  @Test("T6: a missing account is notFound")
  func missingAccount() async throws {
    try await withStore { store in
      let error = await #expect(throws: DomainError.self) {
        _ = try await store.read { tx in try tx.requireAccount("ACC-000404") }
      }
      #expect(error?.code == .notFound)
    }
  }
}
