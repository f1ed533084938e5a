import Foundation
import OrderTesting
import Testing

/// Changes and cancellations of a subscription through the real `orderd` and `orderctl`:
/// the order type the action picks, the prorated amounts, the invoices, the vendor's denial
/// and the notification log.
@Suite("Change orders end to end", .serialized, .timeLimit(.minutes(10)))
struct ChangeOrdersEndToEndTests {
  @Test("O1, O5, C1, N1: an upgrade after 10 days is a CH charging the prorated difference; cancelling is a CL refund")
  func upgradeThenCancel() async throws {
    let tour = try await ChangeTour.start()
    defer { tour.stop() }
    let subscription = try await tour.subscriptionOfBasic(quantity: 5)
    let subscriptionID = try #require(subscription["id"] as? String)
    let advanced = try await tour.json(["clock", "advance", "--by", "P10D"], key: tour.rootKey)
    #expect(advanced["now"] as? String == "2027-01-11T00:00:00Z")

    // C1: day proration of the current period, rounded half away from zero per line (Proration.swift).
    // The period is 2027-01-01..2027-02-01 (31 days); 21 days remain from 2027-01-11.
    #expect(subscription["startDate"] as? String == "2027-01-01T00:00:00Z")
    #expect(subscription["currentPeriodEnd"] as? String == "2027-02-01T00:00:00Z")
    let remaining = 21
    let days = 31
    let upgradeCharge = prorate(2_000 * 5, remaining, of: days) - prorate(1_000 * 5, remaining, of: days)
    #expect(upgradeCharge == 3_387)  // 33.87 USD

    // O1: an upgrade is a change order; it executes now and completes.
    let upgraded = try await tour.json(["subscription", "change", subscriptionID, "--upgrade-to", "PRO"])
    let change = object(upgraded["order"])
    #expect(change["type"] as? String == "ORDER_TYPE_CH")
    #expect(change["number"] as? String == "CH-000001")
    #expect(change["status"] as? String == "completed")
    #expect(change["subscriptionId"] as? String == subscriptionID)
    #expect(minorUnits(change["total"]) == upgradeCharge)
    #expect(object(upgraded["subscription"])["sku"] as? String == "PRO")

    // O5: the invoice keeps the signed lines: the old product credited, the new one charged.
    let invoiceID = try #require(object(upgraded["invoice"])["id"] as? String)
    let invoices = try await tour.json(["invoice", "list", "--account", tour.accountID])
    let listed = try #require(invoices["invoices"] as? [[String: Any]])
    #expect(listed.count == 2)
    #expect(listed.contains { $0["id"] as? String == invoiceID && $0["orderId"] as? String == change["id"] as? String })
    let invoice = try await tour.json(["invoice", "show", invoiceID])
    #expect(minorUnits(invoice["total"]) == upgradeCharge)
    #expect(invoice["status"] as? String == "open")
    let lines = try #require(invoice["lines"] as? [[String: Any]])
    #expect(lines.map { $0["sku"] as? String } == ["BASIC", "PRO"])
    #expect(lines.map { minorUnits($0["amount"]) } == [-3_387, 6_774])
    let shown = try await tour.run(["invoice", "show", invoiceID])
    #expect(shown.stdout.contains("-33.87 USD") && shown.stdout.contains("67.74 USD"))

    // O1, C1: cancelling now is a cancellation order refunding the unused part of the period.
    let cancelled = try await tour.json(["subscription", "change", subscriptionID, "--cancel"])
    let cancellation = object(cancelled["order"])
    #expect(cancellation["type"] as? String == "ORDER_TYPE_CL")
    #expect(cancellation["status"] as? String == "completed")
    let refund = try #require(minorUnits(cancellation["total"]))
    #expect(refund < 0)
    #expect(refund == -prorate(2_000 * 5, remaining, of: days))  // -67.74 USD
    let after = try await tour.json(["subscription", "show", subscriptionID])
    #expect(after["status"] as? String == "cancelled")
    #expect(after["autoRenew"] as? Bool != true)

    // N1: the log has the completions and the invoices, in increasing positions.
    let log = try await tour.json(["notifications", "list", "--account", tour.accountID])
    let entries = try #require(log["notifications"] as? [[String: Any]])
    let completed = entries.filter { $0["type"] as? String == "OrderCompleted" }.compactMap {
      $0["subjectId"] as? String
    }
    #expect(Set(["SO-000001", "CH-000001", "CL-000001"]).isSubset(of: completed))
    #expect(entries.filter { $0["type"] as? String == "InvoiceIssued" }.count == 3)
    let positions = entries.compactMap { Int64($0["position"] as? String ?? "") }
    #expect(
      positions.count == entries.count && positions == positions.sorted() && Set(positions).count == positions.count)
    let rest = try await tour.json(["notifications", "list", "--after", log["lastPosition"] as? String ?? "0"])
    #expect((rest["notifications"] as? [Any] ?? []).isEmpty)
  }

  @Test("C2, O1: a vendor denying changes fails the CH order with its reason; order history shows the transitions")
  func vendorDenial() async throws {
    let tour = try await ChangeTour.start()
    defer { tour.stop() }
    let subscription = try await tour.subscriptionOfBasic(quantity: 5)
    let subscriptionID = try #require(subscription["id"] as? String)

    let behavior = try await tour.json(["vendor", "set-behavior", "BASIC", "--deny-changes"])
    #expect(behavior["denyChanges"] as? Bool == true)
    let shownBehavior = try await tour.json(["vendor", "show", "BASIC"])
    #expect(shownBehavior["denyChanges"] as? Bool == true)

    let changed = try await tour.json(["subscription", "change", subscriptionID, "--quantity", "6"])
    let order = object(changed["order"])
    #expect(order["type"] as? String == "ORDER_TYPE_CH")
    #expect(order["status"] as? String == "failed")
    let reason = try #require(order["statusReason"] as? String)
    #expect(reason.contains("denied"), "\(reason)")
    #expect(object(changed["subscription"])["quantity"] as? Int == 5)
    #expect(changed["invoice"] == nil)

    let number = try #require(order["number"] as? String)
    let history = try #require(try await tour.json(["order", "history", number])["history"] as? [[String: Any]])
    let steps = history.map { "\($0["from"] as? String ?? "")->\($0["to"] as? String ?? "")" }
    #expect(steps.first == "->executing")
    #expect(steps.last?.hasSuffix("->failed") == true)
    #expect(history.last?["reason"] as? String == reason)
    let table = try await tour.run(["order", "history", number])
    #expect(table.status == 0)
    let rows = table.stdout.split(separator: "\n")
    #expect(rows.first?.hasPrefix("AT") == true)
    #expect(rows.count == history.count + 1)
    #expect(rows.last?.contains("failed") == true && rows.last?.contains("denied") == true)
    let shown = try await tour.run(["order", "show", number])
    #expect(shown.stdout.contains("status reason") && shown.stdout.contains(subscriptionID))
  }
}

/// A server on a simulated clock with a tenant, one customer, and products BASIC (10.00,
/// upgrades to PRO) and PRO (20.00).
private struct ChangeTour {
  let server: ServerProcess
  let directory: URL
  let rootKey: String
  let tenantKey: String
  let accountID: String

  static func start() async throws -> ChangeTour {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-e2e-\(UUID().uuidString)")
    let server = try await ServerProcess.start(dataDirectory: directory)
    let rootKey = try String(contentsOf: directory.appendingPathComponent("root-admin.key"), encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let tenant = try await orderctl(
      ["org", "create", "--name", "Reseller One", "--kind", "tenant", "--json"], server: server.address, key: rootKey
    ).json()
    let tenantKey = try #require(object(tenant["adminKey"])["secret"] as? String)
    let account = try await orderctl(
      ["account", "create", "--name", "Acme GmbH", "--json"], server: server.address, key: tenantKey
    ).json()
    let tour = ChangeTour(
      server: server, directory: directory, rootKey: rootKey, tenantKey: tenantKey,
      accountID: try #require(account["id"] as? String))
    _ = try await tour.json([
      "product", "create", "--sku", "PRO", "--name", "Pro", "--kind", "subscription", "--price", "20.00",
    ])
    _ = try await tour.json(
      [
        "product", "create", "--sku", "BASIC", "--name", "Basic", "--kind", "subscription", "--price", "10.00",
        "--upgrades-to", "PRO",
      ])
    return tour
  }

  /// Places a sales order of BASIC and returns the subscription it created.
  func subscriptionOfBasic(quantity: Int) async throws -> [String: Any] {
    let order = try await self.json(["order", "place", "--account", self.accountID, "--item", "BASIC:\(quantity)"])
    #expect(order["status"] as? String == "completed")
    let listed = try await self.json(["subscription", "list", "--account", self.accountID])
    return try #require((listed["subscriptions"] as? [[String: Any]])?.first)
  }

  /// Runs orderctl, as the tenant admin unless `key` is given.
  func run(_ arguments: [String], key: String? = nil) async throws -> CommandResult {
    try await orderctl(arguments, server: self.server.address, key: key ?? self.tenantKey)
  }

  /// Runs orderctl with `--json`, requires success, and parses the output.
  func json(_ arguments: [String], key: String? = nil) async throws -> [String: Any] {
    let result = try await self.run(arguments + ["--json"], key: key)
    try #require(result.status == 0, "orderctl \(arguments.joined(separator: " ")): \(result.stderr)")
    return try result.json()
  }

  func stop() {
    self.server.stopBlocking(signal: SIGKILL)
    try? FileManager.default.removeItem(at: self.directory)
  }
}

private func object(_ value: Any?) -> [String: Any] {
  value as? [String: Any] ?? [:]
}

/// The minor units of a protobuf JSON `Money` (int64 is a JSON string).
private func minorUnits(_ money: Any?) -> Int64? {
  guard let money = money as? [String: Any] else { return nil }
  guard let text = money["minorUnits"] as? String else { return 0 }
  return Int64(text)
}

/// `amount × part / whole`, rounded half away from zero: the documented proration rule (C1).
private func prorate(_ amount: Int64, _ part: Int, of whole: Int) -> Int64 {
  let product = amount * Int64(part)
  var quotient = product / Int64(whole)
  if (product % Int64(whole)).magnitude * 2 >= UInt64(whole) { quotient += product < 0 ? -1 : 1 }
  return quotient
}
