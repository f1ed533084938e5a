import GRDB
import OrderDomain

/// A row of `vendorBehaviors`: how the simulated vendor treats a product, when not normal (C2).
struct VendorBehaviorRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "vendorBehaviors"
  static let primaryKey = ["sku"]

  var sku: String
  var denyChanges: Bool
  var failProvisioning: VendorBehavior.FailureMode
  var lateExpiration: Bool
  var provisioningDelay: Int

  var behavior: VendorBehavior {
    VendorBehavior(
      denyChanges: denyChanges, failProvisioning: failProvisioning, lateExpiration: lateExpiration,
      provisioningDelay: provisioningDelay)
  }
}

extension VendorBehaviorRecord {
  init(_ behavior: VendorBehavior, sku: String) {
    self.init(
      sku: sku, denyChanges: behavior.denyChanges, failProvisioning: behavior.failProvisioning,
      lateExpiration: behavior.lateExpiration, provisioningDelay: behavior.provisioningDelay)
  }
}
