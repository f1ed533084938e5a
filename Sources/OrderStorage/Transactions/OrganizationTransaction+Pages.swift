import Foundation
import OrderDomain

/// The organization's listings one page at a time, by keyset (issue 12): each sorts as its
/// whole-list counterpart does, ending with a unique key.
extension OrganizationTransaction {
  /// Accounts by id.
  public func accounts(page: PageRequest) throws -> Page<Account> {
    try KeysetQuery(from: "accounts", keys: ["id"]).fetch(AccountRecord.self, sql, page: page).map(\.account)
  }

  /// The catalog by SKU (C1).
  public func products(page: PageRequest) throws -> Page<Product> {
    let records = try KeysetQuery(from: "products", keys: ["sku"]).fetch(ProductRecord.self, sql, page: page)
    // The page's lists in one query per list, not three per product.
    let lists = try ProductLists.fetch(.skus(records.items.map(\.sku)), sql)
    return records.map { $0.product(lists[$0.sku] ?? ProductLists()) }
  }

  /// Assets of one account, or of all accounts when `accountID` is `nil`, by id.
  public func assets(accountID: AccountID?, page: PageRequest) throws -> Page<Asset> {
    try KeysetQuery(from: "assets", keys: ["id"]).filtered("accountID", accountID?.rawValue)
      .fetch(AssetRecord.self, sql, page: page).map(\.asset)
  }

  /// Subscriptions of one account, or of all accounts when `accountID` is `nil`, by id.
  public func subscriptions(accountID: AccountID?, page: PageRequest) throws -> Page<Subscription> {
    try KeysetQuery(from: "subscriptions", keys: ["id"]).filtered("accountID", accountID?.rawValue)
      .fetch(SubscriptionRecord.self, sql, page: page).map(\.subscription)
  }

  /// Invoices of one account, or of all when `accountID` is `nil`, newest first.
  public func invoices(accountID: AccountID?, page: PageRequest) throws -> Page<Invoice> {
    let records = try KeysetQuery(from: "invoices", keys: ["issuedAt", "id"], descending: true)
      .filtered("accountID", accountID?.rawValue).fetch(InvoiceRecord.self, sql, page: page)
    return Page(items: try invoices(records.items), next: records.next)
  }

  /// Backorders in the order received, optionally only those with `status` or of one
  /// account (the tenant's own account in this organization).
  public func backorders(status: BackorderStatus?, accountID: AccountID?, page: PageRequest) throws -> Page<Backorder> {
    try KeysetQuery(from: "backorders", keys: ["rowid"]).filtered("status", status?.rawValue)
      .filtered("accountID", accountID?.rawValue).fetch(BackorderRecord.self, sql, page: page).map(\.backorder)
  }

  /// Orders matching `filter` (its limit aside), sorted as it asks.
  public func orders(_ filter: OrderFilter, page: PageRequest) throws -> Page<Order> {
    let (conditions, arguments) = Self.conditions(filter)
    let query =
      switch filter.order {
      case .newestFirst:
        KeysetQuery(
          from: "orders", conditions: conditions, arguments: arguments, keys: ["createdAt", "rowid"], descending: true)
      case .executionDate:
        KeysetQuery(
          from: "orders", conditions: conditions, arguments: arguments,
          keys: [Self.unscheduledLast, "COALESCE(scheduledFor, '')", "rowid"])
      }
    let records = try query.fetch(OrderRecord.self, sql, page: page)
    return Page(items: try orders(records.items), next: records.next)
  }

  /// The notification log after `position`, oldest first; only `accountID`'s when given (N1).
  public func notifications(after position: Int64, accountID: AccountID?, page: PageRequest) throws
    -> Page<NotificationEntry>
  {
    try KeysetQuery(from: "notifications", conditions: ["position > ?"], arguments: [position], keys: ["position"])
      .filtered("accountID", accountID?.rawValue).fetch(NotificationRecord.self, sql, page: page).map { try $0.entry() }
  }

  /// The notifications about one subject, oldest first (a subscription's feed, F3).
  public func notifications(subject: NotificationSubject, page: PageRequest) throws -> Page<NotificationEntry> {
    try KeysetQuery(
      from: "notifications", conditions: ["subjectKind = ?", "subjectID = ?"],
      arguments: [subject.kind.rawValue, subject.id], keys: ["position"]
    ).fetch(NotificationRecord.self, sql, page: page).map { try $0.entry() }
  }
}
