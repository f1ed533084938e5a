import Foundation
import GRPCCore
import OrderProtocol

/// Typed stubs of every orderd service, sending one API key (or none) on every call.
public struct Caller<Transport: ClientTransport>: Sendable {
  public let client: GRPCClient<Transport>
  /// nil sends no `authorization` metadata at all.
  public let key: String?

  public init(client: GRPCClient<Transport>, key: String?) {
    self.client = client
    self.key = key
  }

  /// The metadata of a call: the key and, when given, an idempotency key.
  public func metadata(idempotencyKey: String? = nil) -> Metadata {
    var metadata: Metadata = [:]
    if let key { metadata.addString("Bearer \(key)", forKey: MetadataKeys.authorization) }
    if let idempotencyKey { metadata.addString(idempotencyKey, forKey: MetadataKeys.idempotencyKey) }
    return metadata
  }

  public var organizations: Orders_V1_OrganizationService.Client<Transport> { .init(wrapping: self.client) }
  public var keys: Orders_V1_KeyService.Client<Transport> { .init(wrapping: self.client) }
  public var accounts: Orders_V1_AccountService.Client<Transport> { .init(wrapping: self.client) }
  public var catalog: Orders_V1_CatalogService.Client<Transport> { .init(wrapping: self.client) }
  public var orders: Orders_V1_OrderService.Client<Transport> { .init(wrapping: self.client) }
  public var subscriptions: Orders_V1_SubscriptionService.Client<Transport> { .init(wrapping: self.client) }
  public var clock: Orders_V1_ClockService.Client<Transport> { .init(wrapping: self.client) }
  public var invoices: Orders_V1_InvoiceService.Client<Transport> { .init(wrapping: self.client) }
  public var vendors: Orders_V1_VendorService.Client<Transport> { .init(wrapping: self.client) }
  public var notifications: Orders_V1_NotificationService.Client<Transport> { .init(wrapping: self.client) }
  public var backorders: Orders_V1_BackorderService.Client<Transport> { .init(wrapping: self.client) }
}
