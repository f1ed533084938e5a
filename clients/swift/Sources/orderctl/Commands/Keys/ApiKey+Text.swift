import OrderProtocol

extension Orders_V1_IssuedKey {
  var issuedText: String {
    var details = Details()
    details.add("id", self.key.id)
    details.add("role", self.key.role.label)
    details.add("account", self.key.accountID)
    details.add("key", self.secret)
    return details.render() + "\n\n" + IssuedKeyNotice.text
  }
}

extension Orders_V1_ApiKey {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("organization", self.organizationID)
    details.add("role", self.role.label)
    details.add("account", self.accountID)
    details.add("created", self.createdAt.dateTimeText)
    details.add("revoked", self.hasRevokedAt ? self.revokedAt.dateTimeText : "")
    return details.render()
  }
}

extension Orders_V1_ListKeysResponse {
  var tableText: String {
    var table = Table("ID", "ROLE", "ACCOUNT", "CREATED", "REVOKED")
    for key in self.keys {
      table.append(
        key.id, key.role.label, key.accountID.isEmpty ? "-" : key.accountID, key.createdAt.dateText,
        key.hasRevokedAt ? key.revokedAt.dateText : "-")
    }
    return table.render()
  }
}
