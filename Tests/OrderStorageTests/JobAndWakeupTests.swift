import Foundation
import OrderDomain
import OrderStorage
import Testing

@Suite("Store: job queue and wakeups", .timeLimit(.minutes(5)))
struct JobAndWakeupTests {
  @Test("jobs come due in time order; reschedule records the failure; delete removes")
  func queue() async throws {
    try await withStore { store in
      try await store.write { tx in
        let late = try tx.enqueueJob(kind: "executeOrder", subject: "SO-000002", dueAt: t0 + 120, now: t0)
        let early = try tx.enqueueJob(kind: "executeOrder", subject: "SO-000001", dueAt: t0 + 60, now: t0)
        #expect(try tx.nextJobDueAt() == t0 + 60)
        #expect(try tx.dueJobs(by: t0 + 59).isEmpty)
        #expect(try tx.dueJobs(by: t0 + 120).map(\.id) == [early, late])
        #expect(try tx.dueJobs(by: t0 + 120, limit: 1).map(\.subject) == ["SO-000001"])
        try tx.rescheduleJob(early, dueAt: t0 + 600, error: "vendor down")
        let job = try #require(try tx.job(early))
        #expect(job.attempts == 1 && job.lastError == "vendor down" && job.dueAt == t0 + 600)
        #expect(try tx.jobs(kind: "executeOrder", subject: "SO-000001").map(\.id) == [early])
        #expect(try tx.deleteJob(late))
        #expect(try !tx.deleteJob(late))
        #expect(try tx.nextJobDueAt() == t0 + 600)
        #expect(throws: DomainError.self) { try tx.rescheduleJob(late, dueAt: t0, error: nil) }
      }
    }
  }

  @Test("the registry's wakeups keep the earliest time per organization and list what is due")
  func wakeups() async throws {
    try await withRegistry { registry, _ in
      let root = try await registry.bootstrap(now: t0).root
      let child = try await registry.createOrganization(name: "T", kind: .tenant, parent: root.id, now: t0).organization
      try await registry.setWakeup(root.id, dueAt: t0 + 300)
      try await registry.setWakeup(root.id, dueAt: t0 + 600)
      try await registry.setWakeup(child.id, dueAt: t0 + 100)
      #expect(try await registry.earliestWakeup() == t0 + 100)
      let due = try await registry.dueWakeups(by: t0 + 300)
      #expect(due.map(\.0) == [child.id, root.id])
      #expect(due.map(\.1) == [t0 + 100, t0 + 300])
      try await registry.replaceWakeup(child.id, dueAt: t0 + 900)
      #expect(try await registry.dueWakeups(by: t0 + 300).map(\.0) == [root.id])
      try await registry.replaceWakeup(root.id, dueAt: nil)
      #expect(try await registry.earliestWakeup() == t0 + 900)
    }
  }
}
