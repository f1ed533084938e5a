import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// The live notification stream (N2, B6).
@Suite("Watching notifications", .timeLimit(.minutes(5)))
struct NotificationStreamTests {
  /// Collects `count` notifications from a watch starting after `after`.
  static func watch(
    _ caller: Caller<TestOrderd.Transport>, after: Int64 = 0, account: String = "", count: Int
  ) async throws -> [Orders_V1_Notification] {
    var options = CallOptions.defaults
    options.timeout = .seconds(10)
    return try await caller.notifications.watchNotifications(
      .with {
        $0.after = after
        $0.accountID = account
      }, metadata: caller.metadata(), options: options
    ) { response in
      var seen: [Orders_V1_Notification] = []
      for try await entry in response.messages {
        seen.append(entry)
        if seen.count == count { break }
      }
      return seen
    }
  }

  @Test("N2: a watch delivers the log from a position and then new entries as they are written")
  func liveAfterBacklog() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)])
      let backlog = try await admin.notifications.listNotifications(.init(), metadata: admin.metadata()).notifications
      let watcher = Task { try await Self.watch(admin, after: 0, count: backlog.count + 1) }
      try await Task.sleep(for: .milliseconds(100))
      _ = try await admin.change(
        try #require(
          try await admin.subscriptions.listSubscriptions(.init(), metadata: admin.metadata()).subscriptions.first
        ).id
      ) {
        $0.autoRenew = false
      }
      let seen = try await watcher.value
      #expect(Array(seen.prefix(backlog.count)) == backlog)
      let positions = seen.map(\.position)
      #expect(positions == positions.sorted() && Set(positions).count == positions.count)
      #expect(seen.last?.type == "SubscriptionChanged")
    }
  }

  @Test("N2: resuming from the last position seen repeats nothing and loses nothing")
  func resume() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)])
      _ = try await admin.placeOrder(account: account.id, items: [("SUB-1", 2)])
      let all = try await admin.notifications.listNotifications(.init(), metadata: admin.metadata()).notifications
      let first = try await Self.watch(admin, count: 3)
      let rest = try await Self.watch(admin, after: try #require(first.last).position, count: all.count - 3)
      #expect(first + rest == all)
    }
  }

  @Test("N2, T3: a storefront watcher sees only its own account's events; no key is UNAUTHENTICATED")
  func storefrontScope() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let mine = try await admin.createAccount("Mine")
      let theirs = try await admin.createAccount("Theirs")
      _ = try await admin.createProduct(sku: "SUB-1")
      _ = try await admin.placeOrder(account: theirs.id, items: [("SUB-1", 1)])
      _ = try await admin.placeOrder(account: mine.id, items: [("SUB-1", 1)])
      let storefront = try await admin.storefront(for: mine.id)
      let seen = try await Self.watch(storefront, count: 2)
      #expect(seen.allSatisfy { $0.accountID == mine.id })
      let anonymous = await statusCode { _ = try await Self.watch(orderd.caller(nil), count: 1) }
      #expect(anonymous == .unauthenticated)
      let other = await statusCode { _ = try await Self.watch(storefront, account: theirs.id, count: 1) }
      #expect(other == .notFound)
    }
  }
}
