import Foundation
import GRPCCore
import OrderClient
import OrderProtocol
import SwiftProtobuf
import Testing

/// Every Get and List answer an organization's admin can read, serialized, in a fixed order
/// (issue 14): what a server on another storage must answer byte for byte the same.
///
/// Lists are read two items a page, every page recorded with its page token; each item a
/// list names is then read by itself, and the lists of one account, subscription or order are
/// read too. An error answer is recorded as its code and message.
struct APISnapshot: Sendable, Equatable {
  struct Entry: Sendable, Equatable {
    /// The call and its request, e.g. `ListOrders(account ACC-000001) page 2`.
    var call: String
    /// The answer's protobuf bytes, or the error's code and message.
    var answer: [UInt8]
  }

  var entries: [Entry] = []

  /// The first entry that differs from `other`'s, for a message; `nil` when they are equal.
  func firstDifference(from other: APISnapshot) -> String? {
    for (index, (mine, theirs)) in zip(entries, other.entries).enumerated() where mine != theirs {
      guard mine.call == theirs.call else { return "entry \(index): \(mine.call) vs \(theirs.call)" }
      let offset = zip(mine.answer, theirs.answer).prefix { $0 == $1 }.count
      func around(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[max(0, offset - 40)..<min(bytes.count, offset + 40)], as: UTF8.self)
      }
      return "entry \(index), \(mine.call): from byte \(offset) of \(mine.answer.count) '\(around(mine.answer))' "
        + "vs of \(theirs.answer.count) '\(around(theirs.answer))'"
    }
    return entries.count == other.entries.count ? nil : "\(entries.count) entries vs \(other.entries.count)"
  }

  /// Takes the snapshot of the organization of `key` on the server at `address`.
  static func take(address: String, key: String) async throws -> APISnapshot {
    let configuration = OrderdClientConfiguration(server: try #require(ServerAddress(address)), apiKey: key)
    return try await OrderdTCPClient.withConnection(configuration) { client in
      var snapshot = APISnapshot()
      try await snapshot.read(client)
      return snapshot
    }
  }

  private mutating func read(_ client: OrderdTCPClient) async throws {
    await record("GetOrganization") { try await client.getOrganization(.init()) }
    await record("GetOrganizationSettings") { try await client.getOrganizationSettings() }
    await record("GetClock") { try await client.getClock() }
    for child in try await pages("ListOrganizations", Orders_V1_ListOrganizationsRequest(), client.listOrganizations) {
      await record("GetOrganization \(child.id)") { try await client.getOrganization(.with { $0.id = child.id }) }
    }
    _ = try await pages("ListKeys", Orders_V1_ListKeysRequest(), client.listKeys)
    for product in try await pages("ListProducts", Orders_V1_ListProductsRequest(), client.listProducts) {
      await record("GetProduct \(product.sku)") { try await client.getProduct(.with { $0.sku = product.sku }) }
      await record("GetVendorBehavior \(product.sku)") {
        try await client.getVendorBehavior(.with { $0.sku = product.sku })
      }
    }
    for account in try await pages("ListAccounts", Orders_V1_ListAccountsRequest(), client.listAccounts) {
      let id = account.id
      await record("GetAccount \(id)") { try await client.getAccount(.with { $0.id = id }) }
      _ = try await pages("ListOrders(account \(id))", .with { $0.accountID = id }, client.listOrders)
      _ = try await pages("ListSubscriptions(account \(id))", .with { $0.accountID = id }, client.listSubscriptions)
      _ = try await pages("ListAssets(account \(id))", .with { $0.accountID = id }, client.listAssets)
      _ = try await pages("ListInvoices(account \(id))", .with { $0.accountID = id }, client.listInvoices)
      _ = try await pages("ListNotifications(account \(id))", .with { $0.accountID = id }, client.listNotifications)
    }
    for order in try await pages("ListOrders", Orders_V1_ListOrdersRequest(), client.listOrders) {
      await record("GetOrder \(order.id)") { try await client.getOrder(.with { $0.id = order.id }) }
      await record("GetOrder \(order.number)") { try await client.getOrder(.with { $0.id = order.number }) }
    }
    let subscriptions = try await pages(
      "ListSubscriptions", Orders_V1_ListSubscriptionsRequest(), client.listSubscriptions)
    for subscription in subscriptions {
      let id = subscription.id
      await record("GetSubscription \(id)") { try await client.getSubscription(.with { $0.id = id }) }
      _ = try await pages("ListScheduledChanges(\(id))", .with { $0.subscriptionID = id }, client.listScheduledChanges)
      _ = try await pages("ListSubscriptionFeed(\(id))", .with { $0.subscriptionID = id }, client.listSubscriptionFeed)
    }
    for asset in try await pages("ListAssets", Orders_V1_ListAssetsRequest(), client.listAssets) {
      await record("GetAsset \(asset.id)") { try await client.getAsset(.with { $0.id = asset.id }) }
    }
    for invoice in try await pages("ListInvoices", Orders_V1_ListInvoicesRequest(), client.listInvoices) {
      await record("GetInvoice \(invoice.id)") { try await client.getInvoice(.with { $0.id = invoice.id }) }
    }
    _ = try await pages("ListNotifications", Orders_V1_ListNotificationsRequest(), client.listNotifications)
    let backorders = try await pages("ListBackorders", Orders_V1_ListBackordersRequest()) {
      try await client.listBackorders($0)
    }
    for backorder in backorders {
      await record("GetBackorder \(backorder.id)") { try await client.getBackorder(backorder.id) }
    }
  }

  /// Records one answer, or the error it failed with.
  private mutating func record<Answer: SwiftProtobuf.Message>(
    _ call: String, _ body: () async throws -> Answer
  ) async {
    do {
      entries.append(Entry(call: call, answer: try await body().serializedBytes()))
    } catch let error as RPCError {
      entries.append(Entry(call: call, answer: Array("error \(error.code): \(error.message)".utf8)))
    } catch {
      entries.append(Entry(call: call, answer: Array("error \(error)".utf8)))
    }
  }

  /// Records every page of a list, two items a page; returns the items.
  private mutating func pages<Request: PagedListRequest, Response: PagedListResponse & SwiftProtobuf.Message>(
    _ call: String, _ first: Request, _ list: (Request, Duration?) async throws -> Response
  ) async throws -> [Response.Item] {
    try await pages(call, first) { try await list($0, nil) }
  }

  private mutating func pages<Request: PagedListRequest, Response: PagedListResponse & SwiftProtobuf.Message>(
    _ call: String, _ first: Request, _ list: (Request) async throws -> Response
  ) async throws -> [Response.Item] {
    var request = first
    request.pageSize = 2
    var items: [Response.Item] = []
    var page = 1
    repeat {
      let answer = try await list(request)
      entries.append(Entry(call: "\(call) page \(page)", answer: try answer.serializedBytes()))
      items += answer.pageItems
      request.pageToken = answer.nextPageToken
      page += 1
    } while !request.pageToken.isEmpty
    return items
  }
}
