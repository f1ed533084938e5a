import Foundation
import OrderDomain
import Testing

@Suite("Organization settings", .timeLimit(.minutes(5)))
struct OrganizationSettingsTests {
  @Test("B1: a simple tenant backorders by default; a country tenant and the root never")
  func backorderingDefaults() {
    let defaults = OrganizationSettings()
    #expect(defaults.scheduleHorizonDays == 365 && defaults.backordering == nil)
    #expect(defaults.backorders(kind: .tenant))
    #expect(!defaults.backorders(kind: .countryTenant) && !defaults.backorders(kind: .root))
    #expect(!OrganizationSettings(backordering: false).backorders(kind: .tenant))
    #expect(!OrganizationSettings(backordering: true).backorders(kind: .root))
  }

  @Test("B1: backordering can be turned on only for a simple tenant")
  func backorderingValidation() throws {
    try OrganizationSettings(backordering: true).validate(kind: .tenant)
    try OrganizationSettings(backordering: false).validate(kind: .root)
    let root = #expect(throws: DomainError.self) { try OrganizationSettings(backordering: true).validate(kind: .root) }
    #expect(root?.code == .invalidArgument)
    #expect(root?.message.contains("a root organization never backorders") == true)
    let country = #expect(throws: DomainError.self) {
      try OrganizationSettings(backordering: true).validate(kind: .countryTenant)
    }
    #expect(country?.message.contains("a country tenant never backorders") == true)
  }

  @Test("S1, H1: the schedule horizon is 1...3650 days and bounds custom dates")
  func horizon() throws {
    try OrganizationSettings(scheduleHorizonDays: 1).validate(kind: .root)
    try OrganizationSettings(scheduleHorizonDays: 3650).validate(kind: .root)
    for days in [0, 3651] {
      let error = #expect(throws: DomainError.self) {
        try OrganizationSettings(scheduleHorizonDays: days).validate(kind: .root)
      }
      #expect(error?.message.contains("the schedule horizon must be 1...3650 days, not \(days)") == true)
    }
    let settings = OrganizationSettings(scheduleHorizonDays: 28)
    try settings.requireWithinHorizon(CivilDate(year: 2026, month: 2, day: 28), now: jan31)
    let error = #expect(throws: DomainError.self) {
      try settings.requireWithinHorizon(CivilDate(year: 2026, month: 3, day: 1), now: jan31)
    }
    #expect(error?.message == "2026-03-01 is more than 28 days ahead; choose 2026-02-28 or earlier")
  }
}
