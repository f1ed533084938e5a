import Foundation
import GRPCCore
import OrderDomain
import OrderProtocol
import OrderStorage
import OrderWorkflows
import SwiftProtobuf

/// The simulated vendors' behaviour per product of the caller's catalog (C2), for tests
/// and demos.
struct VendorService: Orders_V1_VendorService.SimpleServiceProtocol {
  let deps: ServiceDependencies

  func setVendorBehavior(request: Orders_V1_SetVendorBehaviorRequest, context: ServerContext) async throws
    -> Orders_V1_VendorBehavior
  {
    let call = try CallContext.required()
    let given = request.behavior
    let sku = given.sku
    var behavior = VendorBehavior(denyChanges: given.denyChanges, lateExpiration: given.lateExpiration)
    switch given.failProvisioning {
    case .unspecified, .never: behavior.failProvisioning = .never
    case .once: behavior.failProvisioning = .once
    case .always: behavior.failProvisioning = .always
    case .UNRECOGNIZED: throw DomainError.invalidArgument("fail-provisioning must be never, once or always")
    }
    if !given.provisioningDelay.isEmpty {
      guard let duration = ISO8601Duration(given.provisioningDelay), duration.years == 0, duration.months == 0 else {
        throw DomainError.invalidArgument(
          "provisioning delay '\(given.provisioningDelay)' is not an ISO 8601 duration of days or less, such as PT30S or PT10M"
        )
      }
      behavior.provisioningDelay = duration.totalSeconds
    }
    let workflow = SetVendorBehavior(behavior, sku: sku)
    return try await self.deps.idempotentWrite(call, request: request, now: self.deps.clock.now()) { scoped in
      try workflow.run(scoped).proto(sku: sku)
    }
  }

  func getVendorBehavior(request: Orders_V1_GetVendorBehaviorRequest, context: ServerContext) async throws
    -> Orders_V1_VendorBehavior
  {
    let call = try CallContext.required()
    let sku = request.sku
    return try await self.deps.read(call) { scoped in try scoped.vendorBehavior(sku: sku).proto(sku: sku) }
  }
}
