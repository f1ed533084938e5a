import GRDB

extension OrganizationSchema {
  static let v11Name = "v11: the lists of a product in their own tables"

  /// Issue 11: a product's billing cycles, terms and upgrade SKUs were comma-separated text in
  /// `products`; each list is a table now, one row per item in its position. The items of
  /// existing products move over (split as they were read: empty items never existed), then
  /// the text columns go.
  static func v11(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE productBillingCycles (
          sku TEXT NOT NULL REFERENCES products(sku),
          position INTEGER NOT NULL,
          billingCycle TEXT NOT NULL,
          PRIMARY KEY (sku, position)
        );
        CREATE TABLE productTerms (
          sku TEXT NOT NULL REFERENCES products(sku),
          position INTEGER NOT NULL,
          term TEXT NOT NULL,
          PRIMARY KEY (sku, position)
        );
        CREATE TABLE productUpgrades (
          sku TEXT NOT NULL REFERENCES products(sku),
          position INTEGER NOT NULL,
          upgradeSKU TEXT NOT NULL,
          PRIMARY KEY (sku, position)
        );
        """)
    let lists = [
      (column: "billingCycles", table: "productBillingCycles", item: "billingCycle"),
      (column: "terms", table: "productTerms", item: "term"),
      (column: "upgradesTo", table: "productUpgrades", item: "upgradeSKU"),
    ]
    let rows = try Row.fetchAll(db, sql: "SELECT sku, billingCycles, terms, upgradesTo FROM products")
    for list in lists {
      let insert = try db.makeStatement(sql: "INSERT INTO \(list.table) (sku, position, \(list.item)) VALUES (?, ?, ?)")
      for row in rows {
        let sku: String = try row.decode("sku")
        let text: String = try row.decode(list.column)
        for (position, item) in text.split(separator: ",").enumerated() {
          try insert.execute(arguments: [sku, position, String(item)])
        }
      }
    }
    try db.execute(
      sql: """
        ALTER TABLE products DROP COLUMN billingCycles;
        ALTER TABLE products DROP COLUMN terms;
        ALTER TABLE products DROP COLUMN upgradesTo;
        """)
  }
}
