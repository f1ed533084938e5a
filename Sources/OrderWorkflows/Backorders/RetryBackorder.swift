import Foundation
import OrderDomain
import OrderStorage

/// An admin of the parent applies a stalled backorder again once its cause is fixed (B3);
/// the ones waiting behind it follow.
public struct RetryBackorder: Sendable {
  public var id: BackorderID
  public var currency: String
  public var now: Date

  public init(id: BackorderID, currency: String, now: Date) {
    self.id = id
    self.currency = currency
    self.now = now
  }

  public func run(_ scoped: ScopedTransaction) throws -> Backorder {
    let visible = try scoped.requireBackorder(self.id)
    let backorder = try scoped.tx.backorderToRetry(visible.id)
    return try BackorderApplication(tx: scoped.tx, currency: self.currency, now: self.now).apply(backorder)
  }
}
