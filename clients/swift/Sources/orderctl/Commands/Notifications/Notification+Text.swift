import OrderProtocol

extension Orders_V1_ListNotificationsResponse {
  /// The notifications, then the position to continue from when there were any.
  var tableText: String {
    var table = Table("POSITION", "TIME", "TYPE", "SUBJECT", "ACCOUNT", "TEXT")
    for notification in self.notifications {
      let subject = notification.subjectID.isEmpty ? "" : "\(notification.subjectKind) \(notification.subjectID)"
      table.append(
        "\(notification.position)", notification.at.dateTimeText, notification.type, subject, notification.accountID,
        notification.text)
    }
    guard !self.notifications.isEmpty else { return table.render() }
    return table.render() + "\n\nmore: --after \(self.lastPosition)"
  }
}

extension Orders_V1_Notification {
  /// One line: position, time, type, subject and text, separated by two spaces.
  var lineText: String {
    let subject = self.subjectID.isEmpty ? "-" : "\(self.subjectKind) \(self.subjectID)"
    return ["\(self.position)", self.at.dateTimeText, self.type, subject, self.text].joined(separator: "  ")
  }
}
