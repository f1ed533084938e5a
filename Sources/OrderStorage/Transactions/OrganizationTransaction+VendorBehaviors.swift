import OrderDomain

extension OrganizationTransaction {
  /// How the simulated vendor treats the product (C2); ``VendorBehavior/normal`` unless set.
  public func vendorBehavior(sku: String) throws -> VendorBehavior {
    try sql.fetchOne(VendorBehaviorRecord.self, "SELECT * FROM vendorBehaviors WHERE sku = ?", [sku])?.behavior
      ?? .normal
  }

  /// Every behavior that differs from normal, by SKU.
  public func vendorBehaviors() throws -> [String: VendorBehavior] {
    let records = try sql.fetchAll(VendorBehaviorRecord.self, "SELECT * FROM vendorBehaviors ORDER BY sku")
    return Dictionary(uniqueKeysWithValues: records.map { ($0.sku, $0.behavior) })
  }

  /// Sets how the simulated vendor treats the product; ``VendorBehavior/normal`` removes it.
  ///
  /// - Throws: `notFound` for an unknown SKU; `invalidArgument` for a bad delay.
  public func setVendorBehavior(_ behavior: VendorBehavior, sku: String) throws {
    _ = try requireProduct(sku: sku)
    try behavior.validate()
    guard behavior != .normal else {
      try sql.execute("DELETE FROM vendorBehaviors WHERE sku = ?", [sku])
      return
    }
    try sql.upsert(VendorBehaviorRecord(behavior, sku: sku))
  }
}
