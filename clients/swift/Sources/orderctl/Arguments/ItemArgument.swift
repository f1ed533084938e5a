import ArgumentParser
import OrderProtocol

/// One order line typed as `SKU[:QUANTITY][@SUBSCRIPTION]`: `--item M365-E3:25`, or
/// `--item M365-E3:30@SUB-000001` for an item that changes an existing subscription (a quantity
/// increase, or an upgrade when the SKU differs; never schedulable, S2).
struct ItemArgument: ExpressibleByArgument {
  let sku: String
  let quantity: Int32
  let subscriptionID: String

  init?(argument: String) {
    let target = argument.split(separator: "@", omittingEmptySubsequences: false)
    guard (1...2).contains(target.count) else { return nil }
    if target.count == 2 {
      guard !target[1].isEmpty else { return nil }
      self.subscriptionID = String(target[1])
    } else {
      self.subscriptionID = ""
    }
    let parts = target[0].split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
    self.sku = String(parts[0])
    if parts.count == 2 {
      guard let quantity = Int32(parts[1]), quantity > 0 else { return nil }
      self.quantity = quantity
    } else {
      self.quantity = 1
    }
  }

  var orderItem: Orders_V1_OrderItem {
    var item = Orders_V1_OrderItem()
    item.sku = self.sku
    item.quantity = self.quantity
    item.subscriptionID = self.subscriptionID
    return item
  }
}
