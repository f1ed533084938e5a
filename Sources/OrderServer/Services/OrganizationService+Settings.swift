import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

extension OrganizationService {
  func getOrganizationSettings(
    request: Orders_V1_GetOrganizationSettingsRequest, context: ServerContext
  ) async throws -> Orders_V1_OrganizationSettings {
    let call = try CallContext.required()
    let organization = try await self.deps.organization(call)
    return try await self.deps.read(call) { scoped in try scoped.settings().proto(kind: organization.kind) }
  }

  func updateOrganizationSettings(
    request: Orders_V1_UpdateOrganizationSettingsRequest, context: ServerContext
  ) async throws -> Orders_V1_OrganizationSettings {
    let call = try CallContext.required()
    let organization = try await self.deps.organization(call)
    let workflow = UpdateSettings(
      scheduleHorizonDays: request.hasScheduleHorizonDays ? Int(request.scheduleHorizonDays) : nil,
      backordering: request.hasBackordering ? request.backordering : nil, kind: organization.kind)
    return try await self.deps.idempotentWrite(call, request: request, now: self.deps.clock.now()) { scoped in
      try workflow.run(scoped).proto(kind: organization.kind)
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
