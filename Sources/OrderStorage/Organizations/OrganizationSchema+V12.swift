extension OrganizationSchema {
  static let v12Name = "v12: indexes for listing orders and invoices newest first, a page at a time"

  /// Issue 12: a page of orders (or invoices) newest first is a keyset query,
  /// `WHERE (createdAt, rowid) < (?, ?) ORDER BY createdAt DESC, rowid DESC LIMIT n`. With
  /// these indexes it reads the page's rows only, at any depth, instead of sorting the table.
  static let v12 = """
    CREATE INDEX orders_createdAt ON orders(createdAt);
    CREATE INDEX orders_accountCreatedAt ON orders(accountID, createdAt);
    CREATE INDEX invoices_issued ON invoices(issuedAt, id);
    """
}
