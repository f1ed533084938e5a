import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

@Suite("Order flows", .timeLimit(.minutes(5)))
struct OrderFlowTests {
  @Test("O2: docs/order-flows.md is generated from the flows the server enforces")
  func documentMatchesFlows() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let document = try String(contentsOf: root.appendingPathComponent("docs/order-flows.md"), encoding: .utf8)
    #expect(document == OrderFlow.markdownDocument(), "run scripts/generate-docs.sh")
  }

  @Test("O2, O3: every order type's flow is served, with scheduled and executing and a completed end")
  func flowsAreServed() async throws {
    try await TestOrderd.with { orderd in
      for type in [Orders_V1_OrderType.so, .rn, .bo, .ch, .po, .cl, .cf, .rc] {
        let flow = try await orderd.root.orders.getOrderFlow(.with { $0.type = type }, metadata: orderd.root.metadata())
        let names = Set(flow.statuses.map(\.name))
        #expect(names.isSuperset(of: ["scheduled", "executing", "completed"]), "\(type)")
        #expect(flow.statuses.contains { $0.name == "completed" && $0.final })
        #expect(!flow.text.isEmpty)
      }
      let unknown = await statusCode {
        _ = try await orderd.root.orders.getOrderFlow(.init(), metadata: orderd.root.metadata())
      }
      #expect(unknown == .invalidArgument)
    }
  }

  @Test("O2: an illegal transition is FAILED_PRECONDITION naming the type, the from and the to")
  func illegalTransitionRefused() async throws {
    try await TestOrderd.with { orderd in
      let admin = orderd.root
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      let order = try await admin.placeOrder(account: account.id, items: [("SUB-1", 1)])
      #expect(order.status == "completed")
      do {
        _ = try await admin.orders.retryOrder(.with { $0.id = order.number }, metadata: admin.metadata())
        Issue.record("a completed order cannot be retried")
      } catch let error as RPCError {
        #expect(error.code == .failedPrecondition)
        #expect(error.message.contains("completed"))
        #expect(error.message.contains("retry"))
      }
      do {
        _ = try await admin.orders.cancelOrder(
          .with {
            $0.id = order.number; $0.reason = "changed my mind"
          }, metadata: admin.metadata())
        Issue.record("a completed order cannot be cancelled")
      } catch let error as RPCError {
        #expect(error.code == .failedPrecondition)
      }
      #expect(try await admin.order(order.id).status == "completed")
    }
  }

  @Test("O4: every status change records time, from, to, reason and who")
  func historyRecordsWho() async throws {
    try await TestOrderd.with { orderd in
      let (_, admin) = try await orderd.root.createTenant("Tenant")
      let account = try await admin.createAccount("Customer")
      _ = try await admin.createProduct(sku: "SUB-1")
      let storefront = try await admin.storefront(for: account.id)
      let order = try await storefront.placeOrder(account: account.id, items: [("SUB-1", 1)])
      let first = try #require(order.history.first)
      #expect(first.by == "storefront:\(account.id)")
      #expect(first.to == "executing")
      #expect(first.at.date == TestOrderd.start)
      #expect(order.history.dropFirst().allSatisfy { $0.by == "system" && !$0.reason.isEmpty })
      #expect(order.history.map(\.from) == ["", "executing", "provisioning"])
    }
  }
}
