import Foundation
import OrderDomain
import OrderStorage
import OrderWorkflows
import Testing

/// The paged reads (issue 12) keep T6 by construction, as the whole-list reads do.
extension ScopedTransactionTests {
  @Test("T6: through every paged read, a storefront principal gets only its own account's rows; an admin all")
  func pagedReadsAreScoped() async throws {
    try await WorkflowStore.with { org in
      let (own, others) = try await Self.seed(org)
      let b = others.account
      let page = PageRequest(size: PageRequest.maximumSize)
      try await org.read(as: org.admin) { (scoped: ScopedTransaction) throws in
        #expect(try Set(scoped.accounts(page: page).items.map(\.id)) == [own, b])
        #expect(try scoped.orders(OrderFilter(accountID: b), page: page).items.contains { $0.id == others.order.id })
        #expect(try scoped.backorders(status: nil, page: page).items.map(\.id) == [others.backorder])
        #expect(try !scoped.feed(of: others.subscription, page: page).items.isEmpty)
      }
      try await org.read(as: org.storefront(own)) { (scoped: ScopedTransaction) throws in
        // accounts(page:): its own, on one page, whatever the size.
        let accounts = try scoped.accounts(page: PageRequest(size: 1))
        #expect(accounts.items.map(\.id) == [own] && accounts.next == nil)

        // orders(_:page:), subscriptions(accountID:page:), assets(accountID:page:),
        // invoices(accountID:page:), notifications(after:accountID:page:), backorders(status:page:).
        let orders = try scoped.orders(OrderFilter(), page: page).items
        #expect(!orders.isEmpty && orders.allSatisfy { $0.accountID == own })
        #expect(try scoped.orders(OrderFilter(accountID: b), page: page).items.isEmpty)
        let subscriptions = try scoped.subscriptions(accountID: nil, page: page).items
        #expect(!subscriptions.isEmpty && subscriptions.allSatisfy { $0.subscription.accountID == own })
        #expect(try scoped.subscriptions(accountID: b, page: page).items.isEmpty)
        let assets = try scoped.assets(accountID: nil, page: page).items
        #expect(!assets.isEmpty && assets.allSatisfy { $0.accountID == own })
        #expect(try scoped.assets(accountID: b, page: page).items.isEmpty)
        let invoices = try scoped.invoices(accountID: nil, page: page).items
        #expect(!invoices.isEmpty && invoices.allSatisfy { $0.invoice.accountID == own })
        #expect(try scoped.invoices(accountID: b, page: page).items.isEmpty)
        #expect(try scoped.notifications(after: 0, accountID: nil, page: page).items.allSatisfy { $0.accountID == own })
        #expect(try scoped.notifications(after: 0, accountID: b, page: page).items.isEmpty)
        #expect(try scoped.backorders(status: nil, page: page).items.isEmpty)

        // feed(of:page:), scheduledChanges(of:page:): another account's subscription is not found.
        #expect(throws: DomainError.self) { try scoped.feed(of: others.subscription, page: page) }
        #expect(throws: DomainError.self) { try scoped.scheduledChanges(of: others.subscription, page: page) }

        // products(page:): the organization's catalog, the same for every caller.
        #expect(try scoped.products(page: page).items.map(\.sku) == ["AV", "SEAT"])
      }
    }
  }
}
