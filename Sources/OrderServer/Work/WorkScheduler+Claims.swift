import Foundation
import Logging
import OrderDomain
import OrderStorage

/// Holding a claim on an organization's due work while it runs (issue 14).
extension WorkScheduler {
  /// Gives up every claim this node holds (it stops): the work stays due, for any node.
  func releaseClaims() async {
    // Not cancelled with the shutdown that stops the runner (after a grace period, the group
    // cancels everything): the storage stays open until the application closes.
    let (registry, node) = (self.registry, self.node)
    let released = await Task { try await registry.releaseClaims(of: node) }.result
    do {
      try released.get()
    } catch {
      self.logger.warning(
        "could not give up this node's claims on due work; other nodes take it once they expire",
        metadata: ["node": "\(self.node)", "error": "\(error)"])
    }
  }

  /// Runs `body` while a task beside it renews this node's claim on `organization` every
  /// third of the lease, so that an organization that runs long is not claimed by another
  /// node meanwhile. The claim is released by the settle after `body`, not here.
  func renewingClaim<T>(on organization: OrganizationID, _ body: () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await self.renewClaim(on: organization) }
      defer { group.cancelAll() }
      return try await body()
    }
  }

  /// Renews the claim until cancelled, or until the claim is found lost: it expired (a node
  /// that stood still longer than the lease) and another node may run the organization too.
  /// Each job still runs once (it is deleted in the transaction that runs it); this is said.
  private func renewClaim(on organization: OrganizationID) async {
    let lease = self.configuration.workLease
    while true {
      do {
        try await Task.sleep(for: lease / 3)
      } catch {
        return
      }
      do {
        if try await !self.registry.renewClaim(organization, for: self.node, lease: lease, now: Date()) {
          self.logger.warning(
            "this node's claim on an organization's due work expired while it ran; another node may run it too",
            metadata: ["org": "\(organization)", "node": "\(self.node)"])
          return
        }
      } catch {
        // The registry failed (a full disk, say): the claim may expire; the work is safe anyway.
        if Task.isCancelled { return }
        self.logger.debug(
          "renewing a claim on due work failed", metadata: ["org": "\(organization)", "error": "\(error)"])
      }
    }
  }
}
