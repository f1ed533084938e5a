import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

extension OrganizationService {
  func getOrganizationSettings(
    request: Orders_V1_GetOrganizationSettingsRequest, context: ServerContext
  ) async throws -> Orders_V1_OrganizationSettings {
    let call = try CallContext.required()
    let organization = try await self.deps.organization(call)
    return try await self.deps.read(call) { tx in try tx.settings().proto(kind: organization.kind) }
  }

  func updateOrganizationSettings(
    request: Orders_V1_UpdateOrganizationSettingsRequest, context: ServerContext
  ) async throws -> Orders_V1_OrganizationSettings {
    let call = try CallContext.required()
    let organization = try await self.deps.organization(call)
    let now = self.deps.clock.now()
    let horizon = request.hasScheduleHorizonDays ? Int(request.scheduleHorizonDays) : nil
    let backordering = request.hasBackordering ? request.backordering : nil
    return try await self.deps.idempotentWrite(call, request: request, now: now) { tx in
      var settings = try tx.settings()
      if let horizon { settings.scheduleHorizonDays = horizon }
      if let backordering { settings.backordering = backordering }
      try tx.updateSettings(settings, kind: organization.kind)
      return try tx.settings().proto(kind: organization.kind)
    }
  }
}

extension OrganizationSettings {
  func proto(kind: OrganizationKind) -> Orders_V1_OrganizationSettings {
    .with {
      $0.scheduleHorizonDays = Int32(clamping: self.scheduleHorizonDays)
      $0.backordering = self.backordering ?? kind.backordersByDefault
    }
  }
}
