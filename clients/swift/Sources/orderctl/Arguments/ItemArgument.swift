import ArgumentParser
import OrderProtocol

/// One order line typed as `SKU[:QUANTITY]`: `--item M365-E3:25`.
struct ItemArgument: ExpressibleByArgument {
  let sku: String
  let quantity: Int32

  init?(argument: String) {
    let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
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
    return item
  }
}
