import Foundation

extension NewNotification {
  /// `SubscriptionChanged`: an executed change was saved (C1, N1), naming its order, if
  /// any, and the add-ons it cancelled.
  public static func subscriptionChanged(_ plan: ChangePlan, order: OrderNumber?, by agent: Agent, at time: Date)
    -> NewNotification
  {
    let via = order.map { " by order \($0)" } ?? ""
    let addons =
      plan.cancelledAddons.isEmpty
      ? "" : "; add-ons cancelled: " + plan.cancelledAddons.map(\.id.rawValue).joined(separator: ", ")
    return NewNotification(
      type: .subscriptionChanged, time: time, subject: .subscription(plan.after.id), accountID: plan.after.accountID,
      text: "subscription \(plan.after.id) changed\(via) (\(agent)): \(plan.summary)\(addons)")
  }
}
