import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: orders", .timeLimit(.minutes(5)))
struct OrderStoreTests {
  @Test("O6: order numbers are unique and sequential per organization and type")
  func numbering() async throws {
    try await withStore { store in
      let numbers = try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        return try [OrderType.sales, .sales, .change, .sales, .renewal, .change].map {
          try tx.createOrder(simpleOrder($0, account: account.id), now: t0).number.rawValue
        }
      }
      #expect(numbers == ["SO-000001", "SO-000002", "CH-000001", "SO-000003", "RN-000001", "CH-000002"])
    }
  }

  @Test("O6: concurrent order creation never repeats a number; another organization starts at 1")
  func concurrentNumbering() async throws {
    try await withStore { store in
      let account = try await store.write { tx in try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
      }
      let numbers = try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<20 {
          group.addTask {
            try await store.write { tx in try tx.createOrder(simpleOrder(account: account.id), now: t0).number.rawValue
            }
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(Set(numbers) == Set((1...20).map { OrderNumber(type: .sales, sequence: $0).rawValue }))
    }
    try await withStore { other in
      let number = try await other.write { tx in
        let account = try tx.createAccount(NewAccount(name: "B", kind: .customer), now: t0)
        return try tx.createOrder(simpleOrder(account: account.id), now: t0).number
      }
      #expect(number == "SO-000001")
    }
  }

  @Test("O4: orders round-trip with lines; status changes are recorded with who and why")
  func statusHistory() async throws {
    try await withStore { store in
      let (order, changed, history) = try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        let order = try tx.createOrder(simpleOrder(account: account.id, status: .scheduled), now: t0)
        try tx.changeStatus(of: order.id, from: .scheduled, to: .executing, reason: "due", by: .system, now: t0 + 60)
        let changed = try tx.changeStatus(
          of: order.id, to: .completed, reason: "done", by: .vendorSystem, now: t0 + 120)
        return (order, changed, try tx.statusHistory(of: order.id))
      }
      #expect(changed.status == .completed)
      #expect(history.map(\.to) == [.scheduled, .executing, .completed])
      #expect(history.map(\.from) == [nil, .scheduled, .executing])
      #expect(history.map(\.by) == [.system, .system, .vendorSystem])
      #expect(history.last?.reason == "done")
      let stored = try await store.read { tx in try tx.order(order.id) }
      #expect(stored?.lines == order.lines)
      #expect(stored?.status == .completed)
      #expect(try await store.read { tx in try tx.order(number: order.number)?.id } == order.id)
    }
  }

  @Test("a status change from an unexpected status is refused")
  func expectedStatus() async throws {
    try await withStore { store in
      let error = await #expect(throws: DomainError.self) {
        try await store.write { tx in
          let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
          let order = try tx.createOrder(simpleOrder(account: account.id, status: .completed), now: t0)
          try tx.changeStatus(of: order.id, from: .scheduled, to: .cancelled, reason: "x", by: .system, now: t0)
        }
      }
      #expect(error?.code == .failedPrecondition)
    }
  }

  @Test("orders are listed newest first, filtered by status, account and type")
  func listing() async throws {
    try await withStore { store in
      let (a, b) = try await store.write { tx in
        let a = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        let b = try tx.createAccount(NewAccount(name: "B", kind: .customer), now: t0)
        _ = try tx.createOrder(simpleOrder(account: a.id), now: t0)
        _ = try tx.createOrder(simpleOrder(account: b.id, status: .scheduled), now: t0 + 1)
        _ = try tx.createOrder(simpleOrder(.change, account: a.id, status: .failed), now: t0 + 2)
        return (a.id, b.id)
      }
      let all = try await store.read { tx in try tx.orders() }
      #expect(all.map(\.number.rawValue) == ["CH-000001", "SO-000002", "SO-000001"])
      #expect(try await store.read { tx in try tx.orders(OrderFilter(accountID: a)).count } == 2)
      #expect(try await store.read { tx in try tx.orders(OrderFilter(statuses: [.scheduled])).map(\.accountID) } == [b])
      #expect(try await store.read { tx in try tx.orders(OrderFilter(type: .change)).count } == 1)
      #expect(try await store.read { tx in try tx.orders(OrderFilter(limit: 1)).count } == 1)
    }
  }

  @Test("an order's total must be the sum of its lines; its account must exist")
  func orderChecks() async throws {
    try await withStore { store in
      let wrongTotal = {
        var order = simpleOrder(account: "ACC-000001")
        order.total = usd("1.00")
        return order
      }()
      let missing = await #expect(throws: DomainError.self) {
        _ = try await store.write { tx in try tx.createOrder(simpleOrder(account: "ACC-000001"), now: t0) }
      }
      #expect(missing?.code == .notFound)
      let wrong = await #expect(throws: DomainError.self) {
        _ = try await store.write { tx in
          _ = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
          return try tx.createOrder(wrongTotal, now: t0)
        }
      }
      #expect(wrong?.code == .invalidArgument)
    }
  }

  @Test("S5: scheduled orders list by execution date and come due in date order")
  func scheduledListing() async throws {
    try await withStore { store in
      let numbers = try await store.write { tx in
        let account = try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
        for days in [3.0, 1, 2] {
          var order = simpleOrder(account: account.id, status: .scheduled)
          order.scheduledFor = t0 + days * 86_400
          _ = try tx.createOrder(order, now: t0)
        }
        return (
          try tx.orders(OrderFilter(statuses: [.scheduled], order: .executionDate)).map(\.number.rawValue),
          try tx.scheduledOrders(dueBy: t0 + 2 * 86_400).map(\.number.rawValue)
        )
      }
      #expect(numbers.0 == ["SO-000002", "SO-000003", "SO-000001"])
      #expect(numbers.1 == ["SO-000002", "SO-000003"])
    }
  }
}
