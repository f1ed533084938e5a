import OrderProtocol

extension Orders_V1_Product {
  var detailsText: String {
    var details = Details()
    details.add("sku", self.sku)
    details.add("name", self.name)
    details.add("kind", self.kind.label)
    details.add("vendor", self.vendor.label)
    details.add("pricing", self.pricing.label)
    details.add("unit price", self.unitPrice.formatted)
    details.add("billing cycles", self.billingCycles.map(\.label).joined(separator: ","))
    details.add("terms", self.terms.map(\.label).joined(separator: ","))
    details.add("quantity", "\(self.minQuantity)..\(self.maxQuantity)")
    details.add("provisioning", self.autoProvisioned ? "automatic" : "manual")
    details.add("upgrades to", self.upgradesTo.joined(separator: ","))
    details.add("add-on of", self.addonOf)
    return details.render()
  }
}

extension Orders_V1_ListProductsResponse {
  var tableText: String {
    var table = Table("SKU", "NAME", "KIND", "VENDOR", "PRICING", "PRICE", "CYCLES", "TERMS", "QUANTITY")
    for product in self.products {
      table.append(
        product.sku, product.name, product.kind.label, product.vendor.label, product.pricing.label,
        product.unitPrice.formatted, product.billingCycles.map(\.label).joined(separator: ","),
        product.terms.map(\.label).joined(separator: ","), "\(product.minQuantity)..\(product.maxQuantity)")
    }
    return table.render()
  }
}
