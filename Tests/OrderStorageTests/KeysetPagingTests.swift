import Foundation
import OrderDomain
import OrderStorage
import Testing

/// Keyset paging in storage (issue 12): pages continue after the last row's sort keys, so
/// rows inserted between pages neither shift nor repeat the rows listed.
@Suite("Store: keyset paging", .timeLimit(.minutes(5)))
struct KeysetPagingTests {
  /// Every page of a listing, reading each in its own transaction and running `between`
  /// after each page (to insert rows while paging).
  static func walk<Item: Sendable>(
    _ store: OrganizationStore, size: Int, between: @escaping @Sendable (Int) async throws -> Void = { _ in },
    _ read: @escaping @Sendable (OrganizationTransaction, PageRequest) throws -> Page<Item>
  ) async throws -> [Item] {
    var items: [Item] = []
    var after: PagePosition?
    var pages = 0
    repeat {
      let request = PageRequest(size: size, after: after)
      let page = try await store.read { tx in try read(tx, request) }
      #expect(page.items.count <= size)
      items += page.items
      after = page.next
      pages += 1
      try await between(pages)
    } while after != nil && pages < 10_000
    return items
  }

  @Test("page sizes are clamped: more than 1000 asks for 1000, 0 is the default 100, negative is invalid")
  func clamping() async throws {
    #expect(try PageRequest.size(requested: 0) == 100)
    #expect(try PageRequest.size(requested: 5_000) == 1_000)
    #expect(try PageRequest.size(requested: 7) == 7)
    let error = #expect(throws: DomainError.self) { try PageRequest.size(requested: -1) }
    #expect(error?.code == .invalidArgument)
    #expect(PageRequest(size: 5_000).size == 1_000)
    try await withStore { store in
      try await store.write { tx in
        for index in 0...1_000 { _ = try tx.createAccount(NewAccount(name: "A\(index)", kind: .customer), now: t0) }
      }
      let first = try await store.read { tx in try tx.accounts(page: PageRequest(size: 5_000)) }
      #expect(first.items.count == 1_000 && first.next != nil)
      let rest = try await store.read { tx in try tx.accounts(page: PageRequest(size: 5_000, after: first.next)) }
      #expect(rest.items.map(\.id) == ["ACC-001001"] && rest.next == nil)
    }
  }

  @Test("accounts inserted while paging by id appear once, after the rows listed; none is skipped or repeated")
  func ascendingWithInserts() async throws {
    try await withStore { store in
      let original = try await store.write { tx in
        try (1...7).map { try tx.createAccount(NewAccount(name: "A\($0)", kind: .customer), now: t0).id }
      }
      let listed = try await Self.walk(
        store, size: 3,
        between: { page in
          _ = try await store.write { tx in
            try tx.createAccount(NewAccount(name: "New \(page)", kind: .customer), now: t0)
          }
        }
      ) { tx, request in try tx.accounts(page: request).map(\.id) }
      #expect(Array(listed.prefix(original.count)) == original)
      #expect(Set(listed).count == listed.count)
      let all = try await store.read { tx in try tx.accounts().map(\.id) }
      #expect(listed == Array(all.prefix(listed.count)))
    }
  }

  @Test("orders placed while paging newest first do not shift the pages: every older order once, in order")
  func newestFirstWithInserts() async throws {
    try await withStore { store in
      let account = try await store.write { tx in try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
      }
      // Equal creation times: the rowid breaks the tie, as in the whole-list order.
      let original = try await store.write { tx in
        try (1...9).map { _ in try tx.createOrder(simpleOrder(account: account.id), now: t0).id }
      }
      let listed = try await Self.walk(
        store, size: 2,
        between: { _ in
          _ = try await store.write { tx in try tx.createOrder(simpleOrder(account: account.id), now: t0) }
        }
      ) { tx, request in try tx.orders(OrderFilter(), page: request).map(\.id) }
      #expect(listed == original.reversed())
    }
  }

  @Test("S5: scheduled orders page by execution date, unscheduled last, stable under inserts")
  func executionDateOrder() async throws {
    try await withStore { store in
      let account = try await store.write { tx in try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
      }
      @Sendable func scheduled(_ days: Double) -> NewOrder {
        var order = simpleOrder(account: account.id, status: .scheduled)
        order.scheduledFor = t0.addingTimeInterval(days * 86_400)
        return order
      }
      let original = try await store.write { tx in
        try [5, 1, 3, 1, 9].map { try tx.createOrder(scheduled($0), now: t0).id }
      }
      let filter = OrderFilter(statuses: [.scheduled], order: .executionDate)
      let whole = try await store.read { tx in try tx.orders(filter).map(\.id) }
      #expect(Set(whole) == Set(original))
      let listed = try await Self.walk(
        store, size: 2,
        between: { _ in
          // A later date than any listed so far: it shows up once, at its place after them.
          _ = try await store.write { tx in try tx.createOrder(scheduled(30), now: t0) }
        }
      ) { tx, request in try tx.orders(filter, page: request).map(\.id) }
      #expect(Array(listed.prefix(whole.count)) == whole)
      #expect(Set(listed).count == listed.count)
    }
  }

  @Test("execution-date positions are integers and text, as page tokens were before issue 14: old tokens continue")
  func executionDatePositions() async throws {
    try await withStore { store in
      let account = try await store.write { tx in try tx.createAccount(NewAccount(name: "A", kind: .customer), now: t0)
      }
      let ids = try await store.write { tx in
        var dated = simpleOrder(account: account.id, status: .scheduled)
        dated.scheduledFor = t0
        return try [dated, simpleOrder(account: account.id), simpleOrder(account: account.id)].map {
          try tx.createOrder($0, now: t0).id
        }
      }
      let filter = OrderFilter(order: .executionDate)
      let first = try await store.read { tx in try tx.orders(filter, page: PageRequest(size: 1)) }
      #expect(first.items.map(\.id) == [ids[0]])
      guard let keys = first.next?.keys, keys.count == 3, case .text(let date) = keys[1] else {
        Issue.record("unexpected position \(String(describing: first.next))")
        return
      }
      #expect(keys[0] == .integer(0) && !date.isEmpty && keys[2] == .integer(1))
      let second = try await store.read { tx in try tx.orders(filter, page: PageRequest(size: 1, after: first.next)) }
      #expect(second.items.map(\.id) == [ids[1]])
      #expect(second.next == PagePosition([.integer(1), .text(""), .integer(2)]))
      // The position a token issued before the change carried for the second order.
      let old = PagePosition([.integer(1), .text(""), .integer(2)])
      let third = try await store.read { tx in try tx.orders(filter, page: PageRequest(size: 1, after: old)) }
      #expect(third.items.map(\.id) == [ids[2]] && third.next == nil)
    }
  }

  @Test("a position that does not fit the listing's keys is invalidArgument")
  func foreignPosition() async throws {
    try await withStore { store in
      let error = await #expect(throws: DomainError.self) {
        _ = try await store.read { tx in
          try tx.accounts(page: PageRequest(size: 2, after: PagePosition([.integer(1), .integer(2)])))
        }
      }
      #expect(error?.code == .invalidArgument)
    }
  }
}
