import OrderProtocol

extension Orders_V1_Asset {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("account", self.accountID)
    details.add("sku", self.sku)
    details.add("name", self.name)
    details.add("status", self.status)
    details.add("sync", self.syncStatus)
    if !self.syncError.isEmpty { details.add("sync error", self.syncError) }
    details.add("purchased", self.hasPurchaseDate ? self.purchaseDate.dateText : "")
    details.add("expires", self.hasExpirationDate ? self.expirationDate.dateText : "")
    details.add("software id", self.softwareID)
    details.add("order", self.orderID)
    return details.render()
  }
}

extension Orders_V1_ListAssetsResponse {
  var tableText: String {
    var table = Table(
      "ID", "ACCOUNT", "SKU", "NAME", "STATUS", "SYNC", "PURCHASED", "EXPIRES", "SOFTWARE ID", "SYNC ERROR")
    for asset in self.assets {
      table.append(
        asset.id, asset.accountID, asset.sku, asset.name, asset.status, asset.syncStatus,
        asset.hasPurchaseDate ? asset.purchaseDate.dateText : "-",
        asset.hasExpirationDate ? asset.expirationDate.dateText : "-", asset.softwareID, asset.syncError)
    }
    return table.render()
  }
}
