import ServiceLifecycle

/// The billing service's background work as a long-lived `Service`, composed beside the
/// server in one `ServiceGroup`: it runs due jobs by itself on the server's clock (F6) and
/// stops, between transactions, when the group shuts down. Stopping, it gives up its claims
/// on due work, so that other nodes on the storage take the work at once rather than after
/// the claims expire.
public struct BackgroundWork: Service {
  let scheduler: WorkScheduler

  public func run() async throws {
    await cancelWhenGracefulShutdown {
      await self.scheduler.run()
    }
    await self.scheduler.releaseClaims()
  }
}
