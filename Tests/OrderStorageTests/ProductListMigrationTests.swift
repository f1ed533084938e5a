import Foundation
import GRDB
import OrderDomain
import Testing

@testable import OrderStorage

@Suite("Store: the lists of a product in their own tables", .sqliteOnly, .timeLimit(.minutes(5)))
struct ProductListMigrationTests {
  @Test("C1, issue 11: a v10 file's comma-separated product lists become rows of their tables, in order")
  func organizationV10() async throws {
    let temporary = try TemporaryDataDirectory()
    defer { temporary.cleanUp() }
    let id = OrganizationID.random()
    let url = temporary.directory.organizationURL(id)
    let old = try DatabaseQueue(path: url.path)
    try OrganizationSchema.migrator.migrate(old, upTo: OrganizationSchema.v10Name)
    try await old.write { db in
      try db.execute(
        sql: """
          INSERT INTO products (sku, name, kind, vendor, pricing, billingCycles, terms, unitPriceMinor, currency,
            minQuantity, maxQuantity, autoProvisioned, upgradesTo, addonOf, createdAt)
          VALUES
            ('O365-E5', 'Office E5', 'subscription', 'microsoft', 'prepaidRecurring', 'monthly', 'P1M', 3500,
              'USD', 1, 300, 1, '', NULL, '2026-01-01 00:00:00.000'),
            ('O365-E3', 'Office E3', 'subscription', 'microsoft', 'prepaidRecurring', 'annual,monthly',
              'P1Y,P1M', 2000, 'USD', 2, 300, 1, 'O365-E5', NULL, '2026-01-01 00:00:00.000'),
            ('AV-1Y', 'Antivirus', 'asset', 'generic', 'oneTime', '', '', 4999, 'USD', 1, 10, 0, '', NULL,
              '2026-01-01 00:00:00.000')
          """)
    }
    try old.close()
    let store = try OrganizationStore.open(at: url, organizationID: id)
    defer { try? store.close() }
    let (products, office) = try await store.read { tx in (try tx.products(), try tx.product(sku: "O365-E3")) }
    #expect(products.map(\.sku) == ["AV-1Y", "O365-E3", "O365-E5"])
    #expect(office?.billingCycles == [.annual, .monthly] && office?.terms == [.oneYear, .oneMonth])
    #expect(office?.upgradesTo == ["O365-E5"] && office?.minQuantity == 2 && office?.unitPrice == usd("20.00"))
    #expect(products[0].billingCycles.isEmpty && products[0].terms.isEmpty && products[0].autoProvisioned == false)
    #expect(products[2].billingCycles == [.monthly] && products[2].upgradesTo.isEmpty)
    let columns = try await store.writer.read { db in try db.columns(in: "products").map(\.name) }
    #expect(!columns.contains("billingCycles") && !columns.contains("terms") && !columns.contains("upgradesTo"))
  }
}
