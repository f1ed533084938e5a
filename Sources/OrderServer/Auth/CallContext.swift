import GRPCCore
import OrderDomain

/// Who is calling and how, resolved once per call by ``AuthInterceptor`` and read by every
/// handler. Handlers never look at raw metadata.
public struct CallContext: Sendable {
  /// The authenticated caller: organization, role and, for storefront keys, the account.
  public var principal: Principal
  /// The client's idempotency key for a mutating call (metadata `idempotency-key`).
  public var idempotencyKey: String?
  /// The fully qualified method, e.g. `orders.v1.OrderService/PlaceOrder`.
  public var method: String
  /// When the client's deadline passes, if it sent one (metadata `grpc-timeout`).
  public var deadline: ContinuousClock.Instant?

  @TaskLocal static var current: CallContext?

  /// The current call's context; a handler reached without the interceptor is a server bug,
  /// reported as INTERNAL rather than served unauthenticated.
  static func required() throws -> CallContext {
    guard let current else {
      throw DomainError.internalError("call reached a handler without authentication")
    }
    return current
  }
}
