import Foundation

/// What the coordinator creates before the clients start, and hands to each of them.
public struct SoakSetup: Codable, Sendable {
  public var address: String
  public var rootKey: String
  public var tenantKey: String
  public var tenantID: String
  /// One customer account per client.
  public var accounts: [String]
  public var simulatedClock: Bool

  public init(
    address: String, rootKey: String, tenantKey: String, tenantID: String, accounts: [String],
    simulatedClock: Bool
  ) {
    self.address = address
    self.rootKey = rootKey
    self.tenantKey = tenantKey
    self.tenantID = tenantID
    self.accounts = accounts
    self.simulatedClock = simulatedClock
  }
}
