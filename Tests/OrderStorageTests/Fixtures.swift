import Foundation
import OrderDomain
import OrderTesting

@testable import OrderStorage

/// A fresh data directory under the system's temporary folder, removed by `cleanUp`.
struct TemporaryDataDirectory {
  let directory: DataDirectory

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("orderd-tests-\(UUID().uuidString)", isDirectory: true)
    directory = DataDirectory(url)
    try directory.create()
  }

  /// A directory made elsewhere (``TestStorage``), which removes it.
  init(existing directory: DataDirectory) { self.directory = directory }

  func cleanUp() { try? FileManager.default.removeItem(at: directory.url) }

  /// Every byte of every file in the directory tree (database, WAL, SHM).
  func allBytes() throws -> Data {
    var bytes = Data()
    let enumerator = FileManager.default.enumerator(at: directory.url, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      if let data = try? Data(contentsOf: url) { bytes.append(data) }
    }
    return bytes
  }
}

/// Opens a registry in a fresh storage (``TestStorage``), runs `body`, and removes it. The
/// directory is the registry's on SQLite, an empty scratch one on PostgreSQL.
func withRegistry<T>(_ body: (Registry, TemporaryDataDirectory) async throws -> T) async throws -> T {
  try await TestStorage.with { location in
    let registry = try await location.openRegistry()
    defer { try? registry.close() }
    return try await body(registry, TemporaryDataDirectory(existing: location.directory))
  }
}

/// Opens one organization's store in a fresh storage (``TestStorage``), runs `body`, and
/// removes it.
func withStore<T>(_ body: (OrganizationStore) async throws -> T) async throws -> T {
  try await TestStorage.withStore(body)
}

let t0 = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

func usd(_ text: String) -> Money {
  (try? Money(parsing: text, currency: "USD")) ?? .zero("USD")
}

extension Product {
  static func office(sku: String = "O365-E3", price: String = "20.00", maxQuantity: Int = 300) -> Product {
    Product(
      sku: sku, name: "Office 365 E3", kind: .subscription, vendor: .microsoft, pricing: .prepaidRecurring,
      billingCycles: [.monthly, .annual], terms: [.oneMonth, .oneYear], unitPrice: usd(price), maxQuantity: maxQuantity)
  }

  static func addon(sku: String = "O365-ADDON", base: String = "O365-E3") -> Product {
    Product(
      sku: sku, name: "Extra storage", kind: .addon, pricing: .prepaidRecurring, billingCycles: [.monthly],
      terms: [.oneMonth], unitPrice: usd("2.00"), maxQuantity: 100, addonOf: base)
  }

  static func antivirus(sku: String = "AV-1Y") -> Product {
    Product(
      sku: sku, name: "Antivirus", kind: .asset, pricing: .oneTime, billingCycles: [], terms: [],
      unitPrice: usd("49.99"), maxQuantity: 10)
  }
}

/// An order of one line, for tests that need orders.
func simpleOrder(_ type: OrderType = .sales, account: AccountID, status: OrderStatus = .completed) -> NewOrder {
  let line = OrderLine(sku: "O365-E3", quantity: 1, unitPrice: usd("20.00"), amount: usd("20.00"))
  return NewOrder(
    type: type, status: status, accountID: account, createdBy: .system, lines: [line], total: usd("20.00"))
}
