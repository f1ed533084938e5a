import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Paging of every list call (issue 12, PROTOCOL.md "Paging"): with more rows than one page,
/// walking the pages by `next_page_token` lists every row exactly once, in the listing's order.
@Suite("Paging: every list call", .timeLimit(.minutes(5)))
struct PagingTests {
  enum ListCall: String, CaseIterable, CustomTestStringConvertible {
    case listAccounts, listBackorders, listProducts, listInvoices, listKeys, listNotifications, listOrders
    case listOrganizations, listSubscriptions, listAssets, listScheduledChanges, listSubscriptionFeed

    var testDescription: String { self.rawValue }
  }

  /// One page of a listing: the ids of its items and its `next_page_token`.
  typealias PageCall = @Sendable (_ size: Int32, _ token: String) async throws -> (ids: [String], next: String)

  @Test(
    "each list call with more rows than one page: the pages hold every row once, in order", arguments: ListCall.allCases
  )
  func walkEveryPage(_ list: ListCall) async throws {
    try await TestOrderd.with { orderd in
      let (call, size) = try await Self.listing(list, orderd)
      let whole = try await call(1000, "")
      #expect(whole.next.isEmpty)
      #expect(whole.ids.count > Int(size), "the fixture needs more rows than one page")
      var pages: [[String]] = []
      var token = ""
      repeat {
        let page = try await call(size, token)
        #expect(page.ids.count <= Int(size))
        pages.append(page.ids)
        token = page.next
      } while !token.isEmpty && pages.count <= whole.ids.count
      let walked = pages.flatMap { $0 }
      #expect(walked == whole.ids)
      #expect(Set(walked).count == walked.count)
      #expect(pages.count > 1)
    }
  }

  /// The page call of `list` over a fixture with more rows than one page of the returned size.
  static func listing(_ list: ListCall, _ orderd: TestOrderd) async throws -> (PageCall, Int32) {
    let admin = orderd.root
    switch list {
    case .listAccounts:
      for index in 1...5 { _ = try await admin.createAccount("Customer \(index)") }
      return (
        { size, token in
          let page = try await admin.accounts.listAccounts(Self.paged(size, token), metadata: admin.metadata())
          return (page.accounts.map(\.id), page.nextPageToken)
        }, 2
      )
    case .listProducts:
      for index in 1...5 { _ = try await admin.createProduct(sku: "SKU-\(index)") }
      return (
        { size, token in
          let page = try await admin.catalog.listProducts(Self.paged(size, token), metadata: admin.metadata())
          return (page.products.map(\.sku), page.nextPageToken)
        }, 2
      )
    case .listKeys:
      let account = try await admin.createAccount("Customer")
      for _ in 1...4 { _ = try await admin.storefront(for: account.id) }
      return (
        { size, token in
          let page = try await admin.keys.listKeys(Self.paged(size, token), metadata: admin.metadata())
          return (page.keys.map(\.id), page.nextPageToken)
        }, 2
      )
    case .listOrganizations:
      for index in 1...5 { _ = try await admin.createTenant("Tenant \(index)") }
      return (
        { size, token in
          let page = try await admin.organizations.listOrganizations(
            Self.paged(size, token), metadata: admin.metadata())
          return (page.children.map(\.id), page.nextPageToken)
        }, 2
      )
    case .listOrders, .listInvoices, .listSubscriptions, .listAssets, .listNotifications:
      return (try await Self.salesListing(list, admin), 2)
    case .listBackorders:
      return (try await Self.backorderListing(orderd), 2)
    case .listScheduledChanges, .listSubscriptionFeed:
      return try await Self.subscriptionListing(list, admin)
    }
  }

  /// A request of type `Request` for one page.
  static func paged<Request: PagedTestRequest>(
    _ size: Int32, _ token: String, _ configure: (inout Request) -> Void = { _ in }
  )
    -> Request
  {
    var request = Request()
    request.pageSize = size
    request.pageToken = token
    configure(&request)
    return request
  }
}

/// What the list requests share.
protocol PagedTestRequest: SwiftProtobuf.Message {
  var pageSize: Int32 { get set }
  var pageToken: String { get set }
}

extension Orders_V1_ListAccountsRequest: PagedTestRequest {}
extension Orders_V1_ListBackordersRequest: PagedTestRequest {}
extension Orders_V1_ListProductsRequest: PagedTestRequest {}
extension Orders_V1_ListInvoicesRequest: PagedTestRequest {}
extension Orders_V1_ListKeysRequest: PagedTestRequest {}
extension Orders_V1_ListNotificationsRequest: PagedTestRequest {}
extension Orders_V1_ListOrdersRequest: PagedTestRequest {}
extension Orders_V1_ListOrganizationsRequest: PagedTestRequest {}
extension Orders_V1_ListSubscriptionsRequest: PagedTestRequest {}
extension Orders_V1_ListAssetsRequest: PagedTestRequest {}
extension Orders_V1_ListScheduledChangesRequest: PagedTestRequest {}
extension Orders_V1_ListSubscriptionFeedRequest: PagedTestRequest {}
