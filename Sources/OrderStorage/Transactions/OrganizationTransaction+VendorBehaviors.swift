import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// How the simulated vendor treats the product (C2); ``VendorBehavior/normal`` unless set.
  public func vendorBehavior(sku: String) throws -> VendorBehavior {
    try VendorBehaviorRecord.fetchOne(
      try db.cachedStatement(sql: "SELECT * FROM vendorBehaviors WHERE sku = ?"), arguments: [sku])?.behavior ?? .normal
  }

  /// Every behavior that differs from normal, by SKU.
  public func vendorBehaviors() throws -> [String: VendorBehavior] {
    let records = try VendorBehaviorRecord.fetchAll(
      try db.cachedStatement(sql: "SELECT * FROM vendorBehaviors ORDER BY sku"))
    return Dictionary(uniqueKeysWithValues: records.map { ($0.sku, $0.behavior) })
  }

  /// Sets how the simulated vendor treats the product; ``VendorBehavior/normal`` removes it.
  ///
  /// - Throws: `notFound` for an unknown SKU; `invalidArgument` for a bad delay.
  public func setVendorBehavior(_ behavior: VendorBehavior, sku: String) throws {
    _ = try requireProduct(sku: sku)
    try behavior.validate()
    guard behavior != .normal else {
      try db.cachedStatement(sql: "DELETE FROM vendorBehaviors WHERE sku = ?").execute(arguments: [sku])
      return
    }
    try VendorBehaviorRecord(behavior, sku: sku).upsert(db)
  }
}
