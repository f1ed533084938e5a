import Foundation
import OrderDomain
import OrderStorage

/// The listings one page at a time (issue 12), with the same visibility as the whole-list
/// reads: a storefront caller's pages hold its own account's rows only (T3, T6).
extension ScopedTransaction {
  /// The accounts the caller sees, by id: all of them for an admin, its own for a
  /// storefront user.
  public func accounts(page: PageRequest) throws -> Page<Account> {
    guard !self.principal.isAdmin else { return try self.tx.accounts(page: page) }
    guard page.after == nil, let own = self.principal.accountID, let account = try self.tx.account(own) else {
      return Page(items: [], next: nil)
    }
    return Page(items: [account], next: nil)
  }

  /// The organization's catalog by SKU (C1).
  public func products(page: PageRequest) throws -> Page<Product> { try self.tx.products(page: page) }

  /// The assets of `accountID`, or all the caller sees, by id (A3).
  public func assets(accountID: AccountID?, page: PageRequest) throws -> Page<Asset> {
    guard let accountID = self.listed(accountID) else { return Page(items: [], next: nil) }
    return try self.tx.assets(accountID: accountID, page: page)
  }

  /// The subscriptions of `accountID` (or all the caller sees) with their pending changes.
  public func subscriptions(accountID: AccountID?, page: PageRequest) throws -> Page<SubscriptionDetails> {
    guard let accountID = self.listed(accountID) else { return Page(items: [], next: nil) }
    return try self.tx.subscriptions(accountID: accountID, page: page).map { try SubscriptionDetails($0, tx: self.tx) }
  }

  /// The invoices of `accountID`, or all the caller sees, newest first.
  public func invoices(accountID: AccountID?, page: PageRequest) throws -> Page<NumberedInvoice> {
    guard let accountID = self.listed(accountID) else { return Page(items: [], next: nil) }
    return try self.tx.invoices(accountID: accountID, page: page).map { try NumberedInvoice($0, tx: self.tx) }
  }

  /// The backorders received from tenants (B6), optionally only those with `status`, in the
  /// order received; a storefront caller sees its own account's.
  public func backorders(status: BackorderStatus?, page: PageRequest) throws -> Page<Backorder> {
    guard let accountID = self.listed(nil) else { return Page(items: [], next: nil) }
    return try self.tx.backorders(status: status, accountID: accountID, page: page)
  }

  /// The orders matching `filter` that the caller sees, sorted as it asks.
  public func orders(_ filter: OrderFilter, page: PageRequest) throws -> Page<Order> {
    guard let accountID = self.listed(filter.accountID) else { return Page(items: [], next: nil) }
    var scoped = filter
    scoped.accountID = accountID
    return try self.tx.orders(scoped, page: page)
  }

  /// The notification log after `position` (N1), oldest first: an admin's whole log (or
  /// one account's), a storefront caller's own account's entries.
  public func notifications(after position: Int64, accountID: AccountID?, page: PageRequest) throws
    -> Page<NotificationEntry>
  {
    guard let accountID = self.listed(accountID) else { return Page(items: [], next: nil) }
    return try self.tx.notifications(after: position, accountID: accountID, page: page)
  }

  /// The subscription's "Notifications and Updates" feed (F3), oldest first, or `notFound`.
  public func feed(of id: SubscriptionID, page: PageRequest) throws -> Page<NotificationEntry> {
    let subscription = try self.requireSubscription(id)
    return try self.tx.notifications(subject: .subscription(subscription.id), page: page)
      .filter { self.isVisible($0.accountID ?? subscription.accountID) }
  }

  /// The subscription's pending scheduled changes by execution date (H9), or `notFound`.
  /// H4 keeps them few, so they are paged in memory, still by keyset.
  public func scheduledChanges(of id: SubscriptionID, page: PageRequest) throws
    -> (subscription: Subscription, changes: Page<ScheduledChange>)
  {
    let details = try self.subscriptionDetails(id)
    let changes = Page.keyset(details.pendingChanges, page) { change in
      [
        .real(change.executionDate.timeIntervalSince1970), .real(change.order.createdAt.timeIntervalSince1970),
        .text(change.order.number.rawValue),
      ]
    }
    return (details.subscription, changes)
  }
}
