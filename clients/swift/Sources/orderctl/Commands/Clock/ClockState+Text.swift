import OrderProtocol

extension Orders_V1_ClockState {
  var detailsText: String {
    var details = Details()
    details.add("now", self.now.dateTimeText)
    details.add("simulated", self.simulated ? "yes" : "no")
    return details.render()
  }
}
