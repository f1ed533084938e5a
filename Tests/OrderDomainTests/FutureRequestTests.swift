import Foundation
import OrderDomain
import Testing

@Suite("Future requests (Manage Renewal)", .timeLimit(.minutes(5)))
struct FutureRequestTests {
  func refusal(
    _ subscription: Subscription, quantity: Int = 8, pending: OrderNumber? = nil, existing: FutureRequest? = nil
  ) -> DomainError? {
    #expect(throws: DomainError.self) {
      try renewals.futureRequest(
        quantity: quantity, for: subscription, pendingOnRenewalChange: pending, existing: existing, by: .admin("k1"),
        now: jan31)
    }
  }

  @Test("F1: a future request is accepted when every condition holds")
  func accepted() throws {
    let request = try renewals.futureRequest(
      quantity: 8, for: renewing(), pendingOnRenewalChange: nil, existing: nil, by: .storefront(customer.id),
      now: jan31)
    #expect(
      request
        == FutureRequest(
          subscriptionID: "SUB-000001", quantity: 8, createdAt: jan31, createdBy: .storefront(customer.id)))
  }

  @Test("F1: the subscription must be active with provisioning status synced")
  func activeAndSynced() {
    var pending = renewing()
    pending.provisioningStatus = .pending
    let error = refusal(pending)
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("must be active with provisioning status synced") == true)
    var expired = renewing()
    expired.status = .expired
    #expect(refusal(expired)?.message.contains("it is expired") == true)
  }

  @Test("F1: auto-renew must be on")
  func autoRenewOn() {
    let error = refusal(renewing(autoRenew: false))
    #expect(
      error?.message
        == "Manage Renewal is not available for subscription SUB-000001:\n- auto-renew must be on; turn it on first")
  }

  @Test("F1: the pricing must be prepaid recurring")
  func prepaidRecurring() {
    let error = refusal(renewing("SEATS-POST"))
    #expect(error?.message.contains("the pricing must be prepaid recurring; SEATS-POST is postpaidRecurring") == true)
    #expect(error?.message.contains("quantity limit") == false)
  }

  @Test("F1: no pending On Renewal change")
  func noPendingOnRenewalChange() {
    let error = refusal(renewing(), pending: "CH-000002")
    #expect(error?.message.contains("there must be no pending On Renewal change; CH-000002 is pending") == true)
  }

  @Test("F1: no existing future request")
  func noExistingRequest() {
    let error = refusal(renewing(), existing: request(7))
    #expect(
      error?.message.contains("there must be no existing future request; quantity 7 is already requested") == true)
  }

  @Test("F1: the product's quantity limit is not exactly 1")
  func quantityLimitOne() {
    let error = refusal(renewing("SINGLE", quantity: 1), quantity: 1)
    #expect(error?.message.contains("quantity limit is 1: Manage Renewal is not available for this product") == true)
  }

  @Test("F1: the quantity must be within the product's range and different from the current one")
  func quantityChecks() {
    let outside = refusal(renewing(), quantity: 301)
    #expect(outside?.code == .invalidArgument)
    #expect(outside?.message == "quantity 301 is outside O365-E3's allowed range 1...300")
    let zero = refusal(renewing(), quantity: 0)
    #expect(zero?.code == .invalidArgument)
    let same = refusal(renewing(), quantity: 5)
    #expect(same?.message == "the quantity is already 5; request a different quantity")
  }

  @Test("F1: every failed condition is named")
  func allConditionsNamed() {
    var subscription = renewing(autoRenew: false)
    subscription.provisioningStatus = .failed
    let error = refusal(subscription, pending: "CH-000002", existing: request(7))
    #expect(error?.message.split(separator: "\n").count == 5)
  }

  @Test("F4: an add-on cannot have a future request; immediate changes only")
  func addonsImmediateOnly() {
    let error = refusal(renewing("STORAGE", quantity: 2), quantity: 3)
    #expect(error?.code == .failedPrecondition)
    #expect(error?.message.contains("an add-on gets immediate quantity changes only") == true)
  }

  @Test("F3: the comments name the quantities, the renewal date and who acted")
  func comments() {
    let created = NewNotification.futureRequestCreated(request(8), subscription: renewing())
    #expect(created.type == .subscriptionComment && created.subject == .subscription("SUB-000001"))
    #expect(created.text == "Future request: quantity 5 -> 8 at the renewal on 2026-02-28, by admin:k1")
    let revoked = NewNotification.futureRequestRevoked(request(8), subscription: renewing(), by: .system, at: feb28)
    #expect(
      revoked.text
        == "Future request revoked: quantity 8 will not apply at the renewal on 2026-02-28; the quantity stays 5, by system"
    )
  }
}
