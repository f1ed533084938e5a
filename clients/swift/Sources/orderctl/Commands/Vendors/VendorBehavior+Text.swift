import OrderProtocol

extension Orders_V1_VendorBehavior {
  var detailsText: String {
    var details = Details()
    details.add("sku", self.sku)
    details.add("deny changes", self.denyChanges ? "yes" : "no")
    details.add("fail provisioning", self.failProvisioning.label)
    details.add("late expiration", self.lateExpiration ? "yes" : "no")
    details.add("provisioning delay", self.provisioningDelay)
    return details.render()
  }
}
