import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// The rules of paging (issue 12, PROTOCOL.md "Paging"): default and maximum page size,
/// tokens bound to their filters, malformed tokens, stability under concurrent inserts,
/// visibility, and the older `after` / `limit` of ListNotifications.
@Suite("Paging: rules", .timeLimit(.minutes(5)))
struct PagingRulesTests {
  static func accounts(_ caller: Caller<TestOrderd.Transport>, size: Int32 = 0, token: String = "") async throws
    -> Orders_V1_ListAccountsResponse
  {
    try await caller.accounts.listAccounts(
      .with {
        $0.pageSize = size
        $0.pageToken = token
      }, metadata: caller.metadata())
  }

  /// The error a call fails with.
  static func rpcError(_ body: () async throws -> Void) async -> RPCError? {
    do {
      try await body()
      return nil
    } catch {
      return error as? RPCError
    }
  }

  @Test("page_size 0 serves 100, more than 1000 is clamped (no error), negative is INVALID_ARGUMENT")
  func pageSizes() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      for index in 1...101 { _ = try await admin.createAccount("Customer \(index)") }
      let first = try await Self.accounts(admin)
      #expect(first.accounts.count == 100 && !first.nextPageToken.isEmpty)
      let rest = try await Self.accounts(admin, token: first.nextPageToken)
      #expect(rest.accounts.map(\.id) == ["ACC-000101"] && rest.nextPageToken.isEmpty)
      let clamped = try await Self.accounts(admin, size: 5_000)
      #expect(clamped.accounts.count == 101 && clamped.nextPageToken.isEmpty)
      let negative = await Self.rpcError { _ = try await Self.accounts(admin, size: -1) }
      #expect(negative?.code == .invalidArgument)
      #expect(negative?.message.contains("page_size") == true)
    }
  }

  @Test("a malformed page_token is INVALID_ARGUMENT and changes nothing")
  func malformedTokens() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      for index in 1...3 { _ = try await admin.createAccount("Customer \(index)") }
      let valid = try await Self.accounts(admin, size: 1).nextPageToken
      let tampered = String(valid.dropLast(3)) + "zzz"
      let wrongVersion = Data(#"{"v":99,"l":"ListAccounts","f":"0","k":["t:ACC-000001"]}"#.utf8)
        .base64EncodedString()
      for token in ["garbage", "!!!", tampered, wrongVersion, "e30"] {
        let error = await Self.rpcError { _ = try await Self.accounts(admin, size: 1, token: token) }
        #expect(error?.code == .invalidArgument, "token \(token)")
        #expect(error?.message.contains("page_token") == true)
      }
      #expect(try await Self.accounts(admin).accounts.count == 3)
    }
  }

  @Test("a token used with other filters, or with another list call, is INVALID_ARGUMENT with a message to act on")
  func tokenBoundToFilters() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let first = try await admin.createAccount("First")
      let second = try await admin.createAccount("Second")
      _ = try await admin.createProduct(sku: "SEAT")
      for _ in 1...3 { _ = try await admin.placeOrder(account: first.id, items: [("SEAT", 1)]) }
      let page = try await admin.orders.listOrders(
        .with {
          $0.accountID = first.id
          $0.pageSize = 1
        }, metadata: admin.metadata())
      #expect(!page.nextPageToken.isEmpty)
      for other in [
        Orders_V1_ListOrdersRequest.with { $0.accountID = second.id },
        .with {
          $0.accountID = first.id; $0.status = "completed"
        }, .init(),
      ] {
        var request = other
        request.pageToken = page.nextPageToken
        let error = await Self.rpcError { _ = try await admin.orders.listOrders(request, metadata: admin.metadata()) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("other filters") == true)
        #expect(error?.message.contains("account_id, status") == true)
      }
      let foreign = await Self.rpcError { _ = try await Self.accounts(admin, token: page.nextPageToken) }
      #expect(foreign?.code == .invalidArgument)
      #expect(foreign?.message.contains("continues ListOrders, not ListAccounts") == true)
      // The same filters, another page size: allowed.
      let next = try await admin.orders.listOrders(
        .with {
          $0.accountID = first.id
          $0.pageSize = 5
          $0.pageToken = page.nextPageToken
        }, metadata: admin.metadata())
      #expect(next.orders.count == 2 && next.nextPageToken.isEmpty)
    }
  }

  @Test("rows inserted concurrently while a caller pages are never skipped or repeated")
  func concurrentInserts() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      var original: [String] = []
      for index in 1...20 { original.append(try await admin.createAccount("Customer \(index)").id) }
      let listed = try await withThrowingTaskGroup(of: [String].self) { group in
        group.addTask {
          for index in 1...20 { _ = try await admin.createAccount("Concurrent \(index)") }
          return []
        }
        group.addTask {
          var ids: [String] = []
          var token = ""
          repeat {
            let page = try await Self.accounts(admin, size: 3, token: token)
            ids += page.accounts.map(\.id)
            token = page.nextPageToken
          } while !token.isEmpty
          return ids
        }
        return try await group.reduce(into: []) { $0 += $1 }
      }
      #expect(Array(listed.prefix(original.count)) == original)
      #expect(Set(listed).count == listed.count)
      #expect(listed == listed.sorted())
    }
  }

  @Test("orders placed between pages of a newest-first listing neither shift nor repeat the older ones")
  func insertsBetweenNewestFirstPages() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SEAT")
      var placed: [String] = []
      for _ in 1...7 { placed.append(try await admin.placeOrder(account: account.id, items: [("SEAT", 1)]).id) }
      var listed: [String] = []
      var token = ""
      repeat {
        let page = try await admin.orders.listOrders(
          .with {
            $0.pageSize = 2
            $0.pageToken = token
          }, metadata: admin.metadata())
        listed += page.orders.map(\.id)
        token = page.nextPageToken
        _ = try await admin.placeOrder(account: account.id, items: [("SEAT", 1)])
      } while !token.isEmpty
      #expect(listed == placed.reversed())
    }
  }

  @Test("T3: a storefront caller's pages hold only its own account's rows")
  func storefrontPages() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let own = try await admin.createAccount("Own")
      let other = try await admin.createAccount("Other")
      _ = try await admin.createProduct(sku: "SEAT")
      for account in [own, other, own, other, own] {
        _ = try await admin.placeOrder(account: account.id, items: [("SEAT", 1)])
      }
      let storefront = try await admin.storefront(for: own.id)
      var accounts: [String] = []
      var token = ""
      repeat {
        let page = try await storefront.orders.listOrders(
          .with {
            $0.pageSize = 1
            $0.pageToken = token
          }, metadata: storefront.metadata())
        accounts += page.orders.map(\.accountID)
        token = page.nextPageToken
      } while !token.isEmpty
      #expect(accounts == [own.id, own.id, own.id])
      #expect(try await Self.accounts(storefront, size: 1).accounts.map(\.id) == [own.id])
    }
  }

  @Test("N2: ListNotifications keeps after, limit and last_position; page tokens continue it as well")
  func notificationsCompatibility() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SEAT")
      for _ in 1...3 { _ = try await admin.placeOrder(account: account.id, items: [("SEAT", 1)]) }
      let all = try await admin.notifications.listNotifications(.init(), metadata: admin.metadata())
      #expect(all.notifications.count > 4 && all.nextPageToken.isEmpty)
      let limited = try await admin.notifications.listNotifications(.with { $0.limit = 2 }, metadata: admin.metadata())
      #expect(limited.notifications.map(\.position) == Array(all.notifications.prefix(2)).map(\.position))
      #expect(!limited.nextPageToken.isEmpty)
      let byAfter = try await admin.notifications.listNotifications(
        .with { $0.after = limited.lastPosition }, metadata: admin.metadata())
      let byToken = try await admin.notifications.listNotifications(
        .with { $0.pageToken = limited.nextPageToken }, metadata: admin.metadata())
      #expect(byAfter.notifications == Array(all.notifications.dropFirst(2)))
      #expect(byToken.notifications == byAfter.notifications)
      let tooMany = await statusCode {
        _ = try await admin.notifications.listNotifications(.with { $0.limit = 1001 }, metadata: admin.metadata())
      }
      #expect(tooMany == .invalidArgument)
    }
  }
}
