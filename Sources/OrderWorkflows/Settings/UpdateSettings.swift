import OrderDomain
import OrderStorage

/// Changes the organization's settings: its scheduling horizon (S1) and backordering (B1).
public struct UpdateSettings: Sendable {
  public var scheduleHorizonDays: Int?
  public var backordering: Bool?
  public var kind: OrganizationKind

  public init(scheduleHorizonDays: Int?, backordering: Bool?, kind: OrganizationKind) {
    self.scheduleHorizonDays = scheduleHorizonDays
    self.backordering = backordering
    self.kind = kind
  }

  public func run(_ scoped: ScopedTransaction) throws -> OrganizationSettings {
    try scoped.principal.requireAdmin("change the organization's settings")
    var settings = try scoped.tx.settings()
    if let days = self.scheduleHorizonDays { settings.scheduleHorizonDays = days }
    if let backordering = self.backordering { settings.backordering = backordering }
    try scoped.tx.updateSettings(settings, kind: self.kind)
    return try scoped.tx.settings()
  }
}
