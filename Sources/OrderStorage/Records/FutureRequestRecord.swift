import Foundation
import GRDB
import OrderDomain

/// A row of `futureRequests`: a subscription's quantity for its next renewal (F1).
struct FutureRequestRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "futureRequests"
  static let primaryKey = ["subscriptionID"]

  var subscriptionID: SubscriptionID
  var quantity: Int
  var createdAt: Date
  var createdBy: String

  func request() throws -> FutureRequest {
    FutureRequest(
      subscriptionID: subscriptionID, quantity: quantity, createdAt: createdAt,
      createdBy: try Agent.stored(createdBy, column: "futureRequests.createdBy"))
  }
}

extension FutureRequestRecord {
  init(_ request: FutureRequest) {
    self.init(
      subscriptionID: request.subscriptionID, quantity: request.quantity, createdAt: request.createdAt,
      createdBy: request.createdBy.rawValue)
  }
}
