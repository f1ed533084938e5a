import GRDB
import OrderDomain

/// One of a product's lists (organization schema v11): a table of `(sku, position, item)`
/// rows, the item stored as text in `column`.
protocol ProductList {
  associatedtype Item
  static var table: String { get }
  static var column: String { get }
  static func item(_ row: Row) throws -> Item
  static func text(_ item: Item) -> String
}

/// `productBillingCycles`: the billing cycles a product allows.
enum BillingCycleList: ProductList {
  static let table = "productBillingCycles"
  static let column = "billingCycle"
  static func item(_ row: Row) throws -> BillingCycle { try row.decode(column) }
  static func text(_ item: BillingCycle) -> String { item.rawValue }
}

/// `productTerms`: the terms a product allows.
enum TermList: ProductList {
  static let table = "productTerms"
  static let column = "term"
  static func item(_ row: Row) throws -> Term { try row.decode(column) }
  static func text(_ item: Term) -> String { item.rawValue }
}

/// `productUpgrades`: the SKUs a product may be upgraded to.
enum UpgradeList: ProductList {
  static let table = "productUpgrades"
  static let column = "upgradeSKU"
  static func item(_ row: Row) throws -> String { try row.decode(column) }
  static func text(_ item: String) -> String { item }
}

/// A row of one of a product's lists: one item of the product `sku`, in its position.
struct ProductListRecord<List: ProductList>: FetchableRecord, PersistableRecord, StoredRecord {
  static var databaseTableName: String { List.table }
  static var primaryKey: [String] { ["sku", "position"] }
  var sku: String
  var position: Int
  var item: List.Item
}

extension ProductListRecord {
  /// Read and written column by column rather than through `Codable`: these rows are read
  /// and written on every order placed, where GRDB's `Codable` path cost half again as much
  /// CPU (issue 11, see docs/decisions.md).
  init(row: Row) throws {
    sku = try row.decode("sku")
    position = try row.decode("position")
    item = try List.item(row)
  }

  func encode(to container: inout PersistenceContainer) {
    container["sku"] = sku
    container["position"] = position
    container[List.column] = List.text(item)
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
  static func insert(_ product: Product, _ sql: SQL) throws {
    try insert(BillingCycleList.self, product.billingCycles, of: product.sku, sql)
    try insert(TermList.self, product.terms, of: product.sku, sql)
    try insert(UpgradeList.self, product.upgradesTo, of: product.sku, sql)
  }

  /// Whose lists to read.
  enum Products {
    case all
    case skus([String])
  }

  /// The lists of `products`, keyed by SKU: one query per list for all of them, never one
  /// per product.
  static func fetch(_ products: Products, _ sql: SQL) throws -> [String: ProductLists] {
    let filter: String
    let arguments: SQLArguments
    switch products {
    case .skus(let skus) where skus.isEmpty: return [:]
    case .all: (filter, arguments) = ("", [])
    case .skus(let skus) where skus.count == 1: (filter, arguments) = ("WHERE sku = ?", [skus[0]])
    case .skus(let skus):
      (filter, arguments) = ("WHERE sku IN (SELECT value FROM json_each(?))", [try IDList.argument(skus)])
    }
    func records<List: ProductList>(_: List.Type) throws -> [ProductListRecord<List>] {
      try sql.fetchAll(
        ProductListRecord<List>.self, "SELECT * FROM \(List.table) \(filter) ORDER BY sku, position", arguments)
    }
    var lists: [String: ProductLists] = [:]
    for record in try records(BillingCycleList.self) {
      lists[record.sku, default: ProductLists()].billingCycles.append(record.item)
    }
    for record in try records(TermList.self) {
      lists[record.sku, default: ProductLists()].terms.append(record.item)
    }
    for record in try records(UpgradeList.self) {
      lists[record.sku, default: ProductLists()].upgradesTo.append(record.item)
    }
    return lists
  }

  private static func insert<List: ProductList>(
    _: List.Type, _ items: [List.Item], of sku: String, _ sql: SQL
  ) throws {
    for (position, item) in items.enumerated() {
      try sql.insert(ProductListRecord<List>(sku: sku, position: position, item: item))
    }
  }
}
