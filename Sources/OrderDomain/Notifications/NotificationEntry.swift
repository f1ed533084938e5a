import Foundation

/// What a notification is about (N1).
public struct NotificationSubject: Hashable, Sendable, CustomStringConvertible {
  public var kind: Kind
  /// The object's id or number, e.g. `SO-000042`, `SUB-000003`.
  public var id: String

  public init(_ kind: Kind, _ id: String) {
    self.kind = kind
    self.id = id
  }

  public static func order(_ number: OrderNumber) -> Self { Self(.order, number.rawValue) }
  public static func subscription(_ id: SubscriptionID) -> Self { Self(.subscription, id.rawValue) }
  public static func asset(_ id: AssetID) -> Self { Self(.asset, id.rawValue) }
  public static func invoice(_ id: InvoiceID) -> Self { Self(.invoice, id.rawValue) }

  /// E.g. `order SO-000042`.
  public var description: String { "\(kind) \(id)" }

  /// The kind of object a notification is about.
  public struct Kind: Identifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let order = Kind("order")
    public static let subscription = Kind("subscription")
    public static let asset = Kind("asset")
    public static let invoice = Kind("invoice")
    public static let backorder = Kind("backorder")
    public static let account = Kind("account")
  }
}

/// A notification to append to the organization's log (N1); the store assigns its position.
public struct NewNotification: Hashable, Sendable {
  public var type: NotificationType
  public var time: Date
  public var subject: NotificationSubject
  /// The account it concerns; storefront users see only their account's (N1). `nil` for
  /// organization-wide events (e.g. backorders), seen by admins only.
  public var accountID: AccountID?
  /// What happened, for a person.
  public var text: String

  public init(
    type: NotificationType, time: Date, subject: NotificationSubject, accountID: AccountID?, text: String
  ) {
    self.type = type
    self.time = time
    self.subject = subject
    self.accountID = accountID
    self.text = text
  }

  /// The notification at `position` of the log.
  public func at(_ position: Int64) -> NotificationEntry {
    NotificationEntry(position: position, type: type, time: time, subject: subject, accountID: accountID, text: text)
  }
}

/// One entry of an organization's durable, ordered notification log (N1, N2).
public struct NotificationEntry: Hashable, Sendable {
  /// Monotonically increasing per organization, never reused; resume after it (N2).
  public var position: Int64
  public var type: NotificationType
  public var time: Date
  public var subject: NotificationSubject
  public var accountID: AccountID?
  public var text: String

  public init(
    position: Int64, type: NotificationType, time: Date, subject: NotificationSubject, accountID: AccountID?,
    text: String
  ) {
    self.position = position
    self.type = type
    self.time = time
    self.subject = subject
    self.accountID = accountID
    self.text = text
  }
}
