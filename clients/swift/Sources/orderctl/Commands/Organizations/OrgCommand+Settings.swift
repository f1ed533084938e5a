import ArgumentParser
import OrderClient
import OrderProtocol

extension OrgCommand {
  struct Settings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show or change your organization's settings (admin).",
      discussion: "Without options the settings are shown; with options only those settings change."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions
    @OptionGroup(title: "Retry Options") var mutation: MutationOptions

    @Option(help: "How many days ahead purchases may be scheduled.")
    var scheduleHorizonDays: Int32?

    @Option(help: "Backorder executed changes to the parent organization.")
    var backordering: Switch?

    func validate() throws {
      if let days = self.scheduleHorizonDays, days < 1 {
        throw ValidationError("--schedule-horizon-days must be at least 1")
      }
    }

    func run() async throws {
      guard self.scheduleHorizonDays != nil || self.backordering != nil else {
        try await self.connection.run { client in
          let settings = try await client.getOrganizationSettings()
          try self.connection.output.emit(settings) { $0.detailsText }
        }
        return
      }
      var request = Orders_V1_UpdateOrganizationSettingsRequest()
      if let days = self.scheduleHorizonDays { request.scheduleHorizonDays = days }
      if let backordering = self.backordering { request.backordering = backordering.isOn }
      let key = self.mutation.resolve()
      try await self.connection.run(idempotencyKey: key) { client in
        let settings = try await client.updateOrganizationSettings(request, idempotencyKey: key)
        try self.connection.output.emit(settings) { $0.detailsText }
      }
    }
  }
}

extension Orders_V1_OrganizationSettings {
  var detailsText: String {
    var details = Details()
    details.add("schedule horizon", "\(self.scheduleHorizonDays) days")
    details.add("backordering", self.backordering ? "on" : "off")
    return details.render()
  }
}
