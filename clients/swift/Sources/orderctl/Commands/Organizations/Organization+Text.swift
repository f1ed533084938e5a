import OrderProtocol

extension Orders_V1_CreateOrganizationResponse {
  var createdText: String {
    var details = Details()
    details.add("organization", self.organization.id)
    details.add("name", self.organization.name)
    details.add("kind", self.organization.kind.label)
    details.add("currency", self.organization.currency)
    details.add("parent", self.organization.parentID)
    details.add("admin key id", self.adminKey.key.id)
    details.add("admin key", self.adminKey.secret)
    return details.render() + "\n\n" + IssuedKeyNotice.text
  }
}

extension Orders_V1_ListOrganizationsResponse {
  var tableText: String {
    var table = Table("ID", "NAME", "KIND", "CURRENCY", "PARENT", "CREATED", "RELATION")
    func add(_ organization: Orders_V1_Organization, _ note: String) {
      table.append(
        organization.id, organization.name, organization.kind.label, organization.currency,
        organization.parentID, organization.createdAt.dateText, note)
    }
    if self.hasOwn { add(self.own, "yours") }
    for child in self.children { add(child, "child") }
    return table.render()
  }
}

/// The warning printed with every newly issued key.
enum IssuedKeyNotice {
  static let text =
    "The key is shown once: store it now. The server keeps only its hash; a lost key is revoked and replaced."
}
