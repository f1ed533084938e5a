import GRDB
import OrderDomain

extension OrganizationTransaction {
  /// How the simulated vendor treats the product (C2); ``VendorBehavior/normal`` unless set.
  public func vendorBehavior(sku: String) throws -> VendorBehavior {
    try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM vendorBehaviors WHERE sku = ?"), arguments: [sku])
      .map(VendorBehavior.init(row:)) ?? .normal
  }

  /// Every behavior that differs from normal, by SKU.
  public func vendorBehaviors() throws -> [String: VendorBehavior] {
    var result: [String: VendorBehavior] = [:]
    for row in try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM vendorBehaviors ORDER BY sku")) {
      result[try row.decode("sku")] = try VendorBehavior(row: row)
    }
    return result
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
    try db.cachedStatement(
      sql: """
        INSERT INTO vendorBehaviors (sku, denyChanges, failProvisioning, lateExpiration, provisioningDelay)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(sku) DO UPDATE SET denyChanges = excluded.denyChanges, failProvisioning = excluded.failProvisioning,
          lateExpiration = excluded.lateExpiration, provisioningDelay = excluded.provisioningDelay
        """
    ).execute(arguments: [
      sku, behavior.denyChanges, behavior.failProvisioning.rawValue, behavior.lateExpiration,
      behavior.provisioningDelay,
    ])
  }
}

extension VendorBehavior {
  init(row: Row) throws {
    self.init(
      denyChanges: try row.decode("denyChanges"), failProvisioning: try row.decode("failProvisioning"),
      lateExpiration: try row.decode("lateExpiration"), provisioningDelay: try row.decode("provisioningDelay"))
  }
}
