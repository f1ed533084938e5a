import GRDB
import OrderDomain

/// A row of `productBillingCycles`: one allowed billing cycle of a product, in its position.
struct ProductBillingCycleRecord: FetchableRecord, PersistableRecord {
  static let databaseTableName = "productBillingCycles"
  var sku: String
  var position: Int
  var billingCycle: BillingCycle
}

extension ProductBillingCycleRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    sku = try row.decode("sku")
    position = try row.decode("position")
    billingCycle = try row.decode("billingCycle")
  }

  func encode(to container: inout PersistenceContainer) {
    container["sku"] = sku
    container["position"] = position
    container["billingCycle"] = billingCycle.rawValue
  }
}

/// A row of `productTerms`: one allowed term of a product, in its position.
struct ProductTermRecord: FetchableRecord, PersistableRecord {
  static let databaseTableName = "productTerms"
  var sku: String
  var position: Int
  var term: Term
}

extension ProductTermRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    sku = try row.decode("sku")
    position = try row.decode("position")
    term = try row.decode("term")
  }

  func encode(to container: inout PersistenceContainer) {
    container["sku"] = sku
    container["position"] = position
    container["term"] = term.rawValue
  }
}

/// A row of `productUpgrades`: one SKU a product may be upgraded to, in its position.
struct ProductUpgradeRecord: FetchableRecord, PersistableRecord {
  static let databaseTableName = "productUpgrades"
  var sku: String
  var position: Int
  var upgradeSKU: String
}

extension ProductUpgradeRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    sku = try row.decode("sku")
    position = try row.decode("position")
    upgradeSKU = try row.decode("upgradeSKU")
  }

  func encode(to container: inout PersistenceContainer) {
    container["sku"] = sku
    container["position"] = position
    container["upgradeSKU"] = upgradeSKU
  }
}

/// The lists of one product, read from their tables.
struct ProductLists {
  var billingCycles: [BillingCycle] = []
  var terms: [Term] = []
  var upgradesTo: [String] = []
}

extension ProductLists {
  /// Stores the lists of `product`, each item in its position.
  static func insert(_ product: Product, _ db: Database) throws {
    for (position, cycle) in product.billingCycles.enumerated() {
      try ProductBillingCycleRecord(sku: product.sku, position: position, billingCycle: cycle).insert(db)
    }
    for (position, term) in product.terms.enumerated() {
      try ProductTermRecord(sku: product.sku, position: position, term: term).insert(db)
    }
    for (position, upgrade) in product.upgradesTo.enumerated() {
      try ProductUpgradeRecord(sku: product.sku, position: position, upgradeSKU: upgrade).insert(db)
    }
  }

  /// The lists of the product `sku`, or of every product when `nil`, keyed by SKU: one query
  /// per list for all of them, never one per product.
  static func fetch(sku: String?, _ db: Database) throws -> [String: ProductLists] {
    func items<Item: FetchableRecord>(_ table: String) throws -> [Item] {
      guard let sku else {
        return try Item.fetchAll(try db.cachedStatement(sql: "SELECT * FROM \(table) ORDER BY sku, position"))
      }
      return try Item.fetchAll(
        try db.cachedStatement(sql: "SELECT * FROM \(table) WHERE sku = ? ORDER BY position"), arguments: [sku])
    }
    var lists: [String: ProductLists] = [:]
    for item: ProductBillingCycleRecord in try items(ProductBillingCycleRecord.databaseTableName) {
      lists[item.sku, default: ProductLists()].billingCycles.append(item.billingCycle)
    }
    for item: ProductTermRecord in try items(ProductTermRecord.databaseTableName) {
      lists[item.sku, default: ProductLists()].terms.append(item.term)
    }
    for item: ProductUpgradeRecord in try items(ProductUpgradeRecord.databaseTableName) {
      lists[item.sku, default: ProductLists()].upgradesTo.append(item.upgradeSKU)
    }
    return lists
  }
}
