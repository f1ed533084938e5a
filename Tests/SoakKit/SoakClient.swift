import Foundation
import GRPCCore
import OrderProtocol
import OrderTransport
import SwiftProtobuf
import WireTesting

/// One soak client: a mixed workload of mutating calls in one tenant, each with its own
/// idempotency key and retried until it answers, logged as answered.
public struct SoakClient: Sendable {
  public var setup: SoakSetup
  public var index: Int
  public var operations: Int
  public var seed: UInt64

  public init(setup: SoakSetup, index: Int, operations: Int, seed: UInt64) {
    self.setup = setup
    self.index = index
    self.operations = operations
    self.seed = seed
  }

  public func run(log: SoakLog) async throws {
    let parts = self.setup.address.split(separator: ":")
    let target = WireTransport.Address(host: String(parts[0]), port: Int(parts[1])!)
    try await withGRPCClient(transport: WireTransport.Client(target: target)) { grpc in
      let caller = SoakCaller(grpc: grpc, rootKey: self.setup.rootKey, tenantKey: self.setup.tenantKey)
      var workload = Workload(client: self, caller: caller, log: log)
      try await workload.run()
    }
  }
}

/// The state one client keeps between its calls.
private struct Workload {
  let client: SoakClient
  let caller: SoakCaller
  let log: SoakLog
  var random: SeededRandom
  var sequence = 0
  var subscriptions: [String] = []
  var scheduledOrders: [String] = []

  init(client: SoakClient, caller: SoakCaller, log: SoakLog) {
    self.client = client
    self.caller = caller
    self.log = log
    self.random = SeededRandom(seed: client.seed &+ UInt64(client.index) &* 0x9E37_79B9)
  }

  var account: String { self.client.setup.accounts[self.client.index] }

  mutating func run() async throws {
    for _ in 0..<self.client.operations {
      if self.sequence % 5 == 0 { try await self.refreshSubscriptions() }
      let roll = Int.random(in: 0..<100, using: &self.random)
      switch roll {
      case 0..<30: try await self.sale(scheduledInDays: nil)
      case 30..<40: try await self.sale(scheduledInDays: Int.random(in: 1...5, using: &self.random))
      case 40..<60: try await self.change(inDays: nil)
      case 60..<68: try await self.change(inDays: 2)
      case 68..<76: try await self.cancelScheduled()
      case 76..<84: try await self.futureRequest()
      case 84..<92: try await self.createKey()
      default: try await self.createOrganization()
      }
    }
  }

  mutating func sale(scheduledInDays days: Int?) async throws {
    var request = Orders_V1_PlaceOrderRequest.with {
      $0.accountID = self.account
      $0.items = [
        .with {
          $0.sku = "SEAT"; $0.quantity = Int32.random(in: 1...3, using: &self.random)
        }
      ]
    }
    if let days { request.scheduledFor = try await self.date(inDays: days) }
    if let order: Orders_V1_Order = try await self.mutate(Orders_V1_OrderService.Method.PlaceOrder.descriptor, request),
      days != nil
    {
      self.scheduledOrders.append(order.id)
    }
  }

  mutating func change(inDays days: Int?) async throws {
    guard let subscription = self.subscriptions.randomElement(using: &self.random) else {
      return try await self.sale(scheduledInDays: nil)
    }
    var request = Orders_V1_ChangeSubscriptionRequest.with {
      $0.id = subscription
      $0.quantity = Int32.random(in: 1...6, using: &self.random)
      $0.timing = .now
    }
    if let days {
      request.timing = .customDate
      request.date = try await self.date(inDays: days)
    }
    let _: Orders_V1_ChangeSubscriptionResponse? = try await self.mutate(
      Orders_V1_SubscriptionService.Method.ChangeSubscription.descriptor, request)
  }

  mutating func cancelScheduled() async throws {
    guard !self.scheduledOrders.isEmpty else { return try await self.sale(scheduledInDays: 3) }
    let order = self.scheduledOrders.remove(at: Int.random(in: 0..<self.scheduledOrders.count, using: &self.random))
    let _: Orders_V1_Order? = try await self.mutate(
      Orders_V1_OrderService.Method.CancelOrder.descriptor,
      Orders_V1_CancelOrderRequest.with {
        $0.id = order
        $0.reason = "soak: the customer changed their mind"
      })
  }

  mutating func futureRequest() async throws {
    guard let subscription = self.subscriptions.randomElement(using: &self.random) else { return }
    let _: Orders_V1_Subscription? = try await self.mutate(
      Orders_V1_SubscriptionService.Method.SetFutureRequest.descriptor,
      Orders_V1_SetFutureRequestRequest.with {
        $0.subscriptionID = subscription
        $0.quantity = Int32.random(in: 1...5, using: &self.random)
      })
  }

  mutating func createKey() async throws {
    let _: Orders_V1_IssuedKey? = try await self.mutate(
      Orders_V1_KeyService.Method.CreateKey.descriptor, Orders_V1_CreateKeyRequest.with { $0.role = .admin })
  }

  mutating func createOrganization() async throws {
    let _: Orders_V1_CreateOrganizationResponse? = try await self.mutate(
      Orders_V1_OrganizationService.Method.CreateOrganization.descriptor,
      Orders_V1_CreateOrganizationRequest.with {
        $0.name = "Country \(self.client.index)-\(self.sequence)"
        $0.kind = .countryTenant
      })
  }

  mutating func refreshSubscriptions() async throws {
    let listed = try await self.caller.read(
      Orders_V1_SubscriptionService.Method.ListSubscriptions.descriptor, as: .tenant,
      request: Orders_V1_ListSubscriptionsRequest.with { $0.accountID = self.account },
      Orders_V1_ListSubscriptionsResponse.self)
    self.subscriptions = listed.subscriptions.filter { $0.status == "active" }.map(\.id)
  }

  /// `yyyy-MM-dd`, `days` after the server's today.
  func date(inDays days: Int) async throws -> String {
    let clock = try await self.caller.read(
      Orders_V1_ClockService.Method.GetClock.descriptor, as: .tenant, request: Orders_V1_GetClockRequest(),
      Orders_V1_ClockState.self)
    let now = clock.now.date.addingTimeInterval(Double(days) * 86_400)
    return String(now.formatted(.iso8601).prefix(10))
  }

  /// One mutating call, logged with its answer; the decoded response when it succeeded.
  mutating func mutate<Response: SwiftProtobuf.Message>(
    _ method: MethodDescriptor, _ request: some SwiftProtobuf.Message
  ) async throws -> Response? {
    self.sequence += 1
    let key = "soak-\(self.client.index)-\(self.sequence)-\(UUID().uuidString)"
    let bytes: [UInt8] = try request.serializedBytes()
    let (result, attempts) = try await self.caller.call(method, as: .tenant, idempotencyKey: key, request: bytes)
    var entry = SoakEntry(
      client: self.client.index, sequence: self.sequence, method: "/\(method.fullyQualifiedMethod)", caller: .tenant,
      idempotencyKey: key, request: Data(bytes), attempts: attempts)
    switch result {
    case .success(let response):
      entry.response = Data(response)
      try self.log.append(entry)
      return try Response(serializedBytes: response)
    case .failure(let error):
      entry.code = error.code.rawValue
      entry.message = error.message
      try self.log.append(entry)
      return nil
    }
  }
}
