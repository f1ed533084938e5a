import Foundation
import OrderDomain
import OrderStorage

/// Expires assets on their expiration date (A3).
public struct ExpireAssetsJob: JobHandler {
  public let kind = JobKind.expireAssets

  public init() {}

  public func run(_ job: Job, tx: OrganizationTransaction, context: JobContext) throws {
    try tx.notifying.expireAssets(by: context.now)
  }
}
