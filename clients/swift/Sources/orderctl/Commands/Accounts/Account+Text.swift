import OrderProtocol

extension Orders_V1_Account {
  var detailsText: String {
    var details = Details()
    details.add("id", self.id)
    details.add("name", self.name)
    details.add("kind", self.kind.label)
    details.add("reseller", self.resellerID)
    details.add("created", self.createdAt.dateTimeText)
    return details.render()
  }
}

extension Orders_V1_ListAccountsResponse {
  var tableText: String {
    var table = Table("ID", "NAME", "KIND", "RESELLER", "CREATED")
    for account in self.accounts {
      table.append(
        account.id, account.name, account.kind.label, account.resellerID.isEmpty ? "-" : account.resellerID,
        account.createdAt.dateText)
    }
    return table.render()
  }
}
