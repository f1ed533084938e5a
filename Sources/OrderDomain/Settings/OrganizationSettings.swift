/// Settings kept in each organization's own database.
public struct OrganizationSettings: Hashable, Sendable, Codable {
  /// How far ahead a custom date may be, in days (S1, H1).
  public var scheduleHorizonDays: Int
  /// Whether executed changes are relayed to the parent (B1, B2); `nil`: the kind's default.
  public var backordering: Bool?

  public static let defaultScheduleHorizonDays = 365
  public static let scheduleHorizonRange = 1...3650

  public init(scheduleHorizonDays: Int = defaultScheduleHorizonDays, backordering: Bool? = nil) {
    self.scheduleHorizonDays = scheduleHorizonDays
    self.backordering = backordering
  }

  /// Whether an organization of `kind` backorders (B1): only a simple tenant may, and does
  /// by default.
  public func backorders(kind: OrganizationKind) -> Bool {
    kind == .tenant && (backordering ?? kind.backordersByDefault)
  }

  /// Throws `invalidArgument` listing every setting that is out of range or not allowed
  /// for an organization of `kind` (B1).
  public func validate(kind: OrganizationKind) throws(DomainError) {
    var problems: [String] = []
    if !Self.scheduleHorizonRange.contains(scheduleHorizonDays) {
      problems.append(
        "the schedule horizon must be \(Self.scheduleHorizonRange.lowerBound)...\(Self.scheduleHorizonRange.upperBound) days, not \(scheduleHorizonDays)"
      )
    }
    if backordering == true, kind != .tenant {
      problems.append(
        "a \(kind == .root ? "root organization" : "country tenant") never backorders; only a simple tenant can turn backordering on"
      )
    }
    if let error = DomainError.combining(.invalidArgument, summary: "the settings cannot be saved:", problems) {
      throw error
    }
  }
}
