import Foundation

/// Whether a scheduled change is synchronized with the vendor (H8, H9).
public enum VendorSyncStatus: String, Hashable, Sendable, Codable, CaseIterable {
  case synced, pending
}

/// How a change order is timed, stored with it (H1, H9).
public struct ChangeScheduling: Hashable, Sendable {
  public var timing: ChangeTiming
  /// `nil` when the vendor is not involved (yet).
  public var vendorSyncStatus: VendorSyncStatus?

  public init(timing: ChangeTiming, vendorSyncStatus: VendorSyncStatus? = nil) {
    self.timing = timing
    self.vendorSyncStatus = vendorSyncStatus
  }
}

/// A pending scheduled change of a subscription, as listed (H9).
public struct ScheduledChange: Hashable, Sendable {
  /// The `CH` order: number, created by, lines (the price effect).
  public var order: Order
  public var timing: ChangeTiming
  public var vendorSyncStatus: VendorSyncStatus?
  public var actions: [ChangeAction]
  /// When it executes: the order's date (custom date) or the end of the subscription's
  /// term, when it renews (On Renewal).
  public var executionDate: Date

  public init(
    order: Order, timing: ChangeTiming, vendorSyncStatus: VendorSyncStatus?, actions: [ChangeAction],
    executionDate: Date
  ) {
    self.order = order
    self.timing = timing
    self.vendorSyncStatus = vendorSyncStatus
    self.actions = actions
    self.executionDate = executionDate
  }

  /// Whether the change still waits: custom date in `scheduled`, On Renewal in
  /// `provisionFinished` (O3).
  public static func isPending(_ order: Order, timing: ChangeTiming) -> Bool {
    switch timing {
    case .customDate: order.status == .scheduled
    case .onRenewal: order.status == .provisionFinished
    case .now: false
    }
  }

  /// H9: earliest execution first, then by creation.
  public static func sorted(_ changes: [ScheduledChange]) -> [ScheduledChange] {
    changes.sorted {
      ($0.executionDate, $0.order.createdAt, $0.order.number.rawValue)
        < ($1.executionDate, $1.order.createdAt, $1.order.number.rawValue)
    }
  }
}
