import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: catalog", .timeLimit(.minutes(5)))
struct CatalogStoreTests {
  @Test("C1: products round-trip with every attribute")
  func roundTrip() async throws {
    try await withStore { store in
      let upgraded = Product.office(sku: "O365-E5", price: "35.00")
      var editable = Product.office()
      editable.upgradesTo = ["O365-E5"]
      let office = editable
      let products = try await store.write { tx in
        [
          try tx.createProduct(upgraded, currency: "USD", now: t0),
          try tx.createProduct(office, currency: "USD", now: t0),
          try tx.createProduct(.addon(), currency: "USD", now: t0),
          try tx.createProduct(.antivirus(), currency: "USD", now: t0),
        ]
      }
      let stored = try await store.read { tx in try tx.products() }
      #expect(Set(stored) == Set(products))
      #expect(try await store.read { tx in try tx.product(sku: "O365-E3") } == office)
    }
  }

  @Test("C1: a taken SKU is alreadyExists; an invalid product is refused and not stored")
  func refusals() async throws {
    try await withStore { store in
      _ = try await store.write { tx in try tx.createProduct(.office(), currency: "USD", now: t0) }
      let duplicate = await #expect(throws: DomainError.self) {
        _ = try await store.write { tx in try tx.createProduct(.office(), currency: "USD", now: t0) }
      }
      #expect(duplicate?.code == .alreadyExists)
      let orphan = await #expect(throws: DomainError.self) {
        _ = try await store.write { tx in try tx.createProduct(.addon(base: "NOPE"), currency: "USD", now: t0) }
      }
      #expect(orphan?.code == .invalidArgument)
      #expect(try await store.read { tx in try tx.products().map(\.sku) } == ["O365-E3"])
    }
  }

  @Test("C1: the products of given SKUs are read with their lists; unknown SKUs are left out; pages carry lists")
  func productsBySKU() async throws {
    try await withStore { store in
      var office = Product.office()
      office.upgradesTo = ["O365-E5"]
      let products = [Product.office(sku: "O365-E5", price: "35.00"), office, .addon(), .antivirus()]
      let stored = try await store.write { tx in
        try products.map { try tx.createProduct($0, currency: "USD", now: t0) }
      }
      let bySKU = Dictionary(uniqueKeysWithValues: stored.map { ($0.sku, $0) })
      let some = try await store.read { tx in try tx.products(skus: ["O365-E3", "NOPE", "O365-E3", "O365-E5"]) }
      #expect(some == [bySKU["O365-E3"]!, bySKU["O365-E5"]!])
      #expect(some.first?.upgradesTo == ["O365-E5"])
      #expect(try await store.read { tx in try tx.products(skus: [String]()) }.isEmpty)
      let one = try await store.read { tx in try tx.products(skus: ["O365-E3"]) }
      #expect(one == [bySKU["O365-E3"]!])
      // A page reads its products' lists at once; each product keeps its own.
      let page = try await store.read { tx in try tx.products(page: PageRequest(size: 3, after: nil)) }
      #expect(page.items == Array(stored.sorted { $0.sku < $1.sku }.prefix(3)))
    }
  }
}
