import Foundation
import OrderClient
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 14: `orderd migrate` moves a stopped server's data directory into PostgreSQL; the
/// server started on PostgreSQL with the same data directory (its keys) answers every Get and
/// List exactly as the SQLite one did, and goes on taking orders.
@Suite("orderd migrate end to end", .postgresOnly, .serialized, .timeLimit(.minutes(10)))
struct MigrateEndToEndTests {
  /// The admin keys of the organizations the workload made, by name.
  typealias Keys = [String: String]

  @Test("a migrated data directory answers every Get and List byte for byte as on SQLite, and takes new orders")
  func answersTheSame() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-migrate-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let sqlite = try await ServerProcess.start(dataDirectory: directory, storage: .dataDirectory)
    defer { sqlite.stopBlocking(signal: SIGKILL) }
    let (keys, customer) = try await Self.workload(address: sqlite.address, rootKey: try sqlite.rootKey())
    var before: [String: APISnapshot] = [:]
    for (name, key) in keys { before[name] = try await APISnapshot.take(address: sqlite.address, key: key) }

    let url = try await TestPostgres.processStorageURL(dataDirectory: directory)
    let migrate = ["migrate", "--from", directory.path, "--to", url]
    let busy = try await orderd(migrate)
    #expect(busy.status == 1 && busy.stderr.contains("in use") && busy.stderr.contains("stop orderd"), "\(busy)")
    #expect(try await sqlite.stop() == 0)
    let started = ContinuousClock.now
    let migrated = try await orderd(migrate)
    let elapsed = ContinuousClock.now - started
    #expect(migrated.status == 0, "\(migrated.stdout)\(migrated.stderr)")
    #expect(migrated.stdout.contains("migrated and verified 3 organizations and the registry"), "\(migrated.stdout)")
    #expect(!migrated.stdout.contains("DIFFERS"))
    // A second run is refused and says what to do; --replace runs it again.
    let again = try await orderd(migrate)
    #expect(again.status == 1 && again.stderr.contains("--replace"), "\(again)")
    let replaced = try await orderd(migrate + ["--replace"])
    #expect(replaced.status == 0, "\(replaced.stdout)\(replaced.stderr)")
    #expect(replaced.stdout == migrated.stdout)

    let postgres = try await ServerProcess.start(dataDirectory: directory, storage: .postgres(url))
    defer { postgres.stopBlocking(signal: SIGKILL) }
    for (name, key) in keys.sorted(by: { $0.key < $1.key }) {
      let after = try await APISnapshot.take(address: postgres.address, key: key)
      let expected = try #require(before[name])
      let difference = after.firstDifference(from: expected)
      #expect(difference == nil, "\(name): \(difference ?? "")")
      #expect(expected.entries.count > 20, "\(name): \(expected.entries.count) answers")
    }
    print(
      "MigrateEndToEndTests: \(before.values.reduce(0) { $0 + $1.entries.count }) answers the same; migrate took "
        + "\(elapsed)")

    // One more order, on PostgreSQL: the next number after the copied ones.
    let reseller = OrderdClientConfiguration(
      server: try #require(ServerAddress(postgres.address)), apiKey: try #require(keys["reseller"]))
    let (placed, numbers) = try await OrderdTCPClient.withConnection(reseller) { client in
      let numbers = try await client.collectPages(Orders_V1_ListOrdersRequest()) { try await client.listOrders($0) }
        .orders.map(\.number)
      let placed = try await client.placeOrder(
        .with {
          $0.accountID = customer
          $0.items = [
            .with {
              $0.sku = "SEAT"; $0.quantity = 1
            }
          ]
        })
      return (placed, numbers)
    }
    let sales = numbers.filter { $0.hasPrefix("SO-") }
    #expect(placed.number == "SO-" + String(format: "%06d", sales.count + 1), "\(numbers)")
    #expect(!numbers.contains(placed.number))
    #expect(postgres.isRunning)
  }

  /// Through the API of the server at `address`: the root and a reseller under it, and a
  /// country reseller under that, with catalogs, customers, orders placed and scheduled, an
  /// invoice paid, an executed change the reseller backorders to the root (as it does its
  /// sales), delivered by moving the clock; notifications come with all of it.
  /// - Returns: the admin keys by name, and a customer of the reseller.
  static func workload(address: String, rootKey: String) async throws -> (Keys, customer: String) {
    let server = try #require(ServerAddress(address))
    func client<T: Sendable>(_ key: String, _ body: (OrderdTCPClient) async throws -> T) async throws -> T {
      try await OrderdTCPClient.withConnection(OrderdClientConfiguration(server: server, apiKey: key), body)
    }
    let reseller = try await client(rootKey) { root in
      try await Self.catalogAndCustomers(root, price: "7.00", customers: ["Root customer"])
      return try await root.createOrganization(
        .with {
          $0.name = "Reseller"
          $0.kind = .tenant
        }
      ).adminKey.secret
    }
    let (country, customer) = try await client(reseller) { reseller in
      let customers = try await Self.catalogAndCustomers(
        reseller, price: "10.00", customers: ["Acme", "Globex", "Initech"])
      _ = try await reseller.placeOrder(
        .with {
          $0.accountID = customers[0]
          $0.items = [
            .with {
              $0.sku = "SEAT"; $0.quantity = 2
            }
          ]
          $0.scheduledFor = "2027-03-01"
        })
      let subscription = try #require(
        try await reseller.listSubscriptions(.with { $0.accountID = customers[1] }).subscriptions.first)
      _ = try await reseller.changeSubscription(
        .with {
          $0.id = subscription.id
          $0.quantity = 9
        })
      let invoice = try #require(try await reseller.listInvoices().invoices.first)
      _ = try await reseller.payInvoice(.with { $0.id = invoice.id })
      let country = try await reseller.createOrganization(
        .with {
          $0.name = "Country"
          $0.kind = .countryTenant
        }
      ).adminKey.secret
      return (country, customers[0])
    }
    try await client(country) { country in
      _ = try await Self.catalogAndCustomers(country, price: "12.00", customers: ["Country customer"])
    }
    // The reseller's sales and change reach the root.
    try await client(rootKey) { root in _ = try await root.advanceClock(.with { $0.by = "PT1S" }) }
    return (["root": rootKey, "reseller": reseller, "country": country], customer)
  }

  /// A SEAT product at `price`, and `customers` each with an order of it placed now.
  /// - Returns: the customers' ids.
  @discardableResult
  static func catalogAndCustomers(_ client: OrderdTCPClient, price: String, customers: [String]) async throws
    -> [String]
  {
    _ = try await client.createProduct(.seat(price: price))
    var ids: [String] = []
    for (index, name) in customers.enumerated() {
      let account = try await client.createAccount(.with { $0.name = name })
      _ = try await client.placeOrder(
        .with {
          $0.accountID = account.id
          $0.items = [
            .with {
              $0.sku = "SEAT"; $0.quantity = Int32(index + 3)
            }
          ]
        })
      ids.append(account.id)
    }
    return ids
  }
}
