import Foundation
import GRPCCore
import OrderProtocol
import OrderServer
import OrderStorage
import OrderTesting
import SwiftProtobuf
import Testing

/// Issue 10: creating an organization (registry, the child's file, the parent's file) is one
/// recoverable operation. A crash after any step is finished by a retry with the same
/// idempotency key, or at the next start without one, with the ids chosen first: the same
/// answer, secret included, one organization, one account in the parent, no file left over,
/// and no secret at rest.
@Suite("Creating organizations exactly once", .timeLimit(.minutes(3)))
struct OrganizationCreationCrashTests {
  typealias Checks = ExactlyOnceChecks

  @Test(
    "T1, B2: after a crash at any step of CreateOrganization, a retry with the same idempotency key finishes it once; after a restart it answers the same",
    arguments: CrashPoint.allCases)
  func retryFinishes(_ point: CrashPoint) async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    let answer = try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: point)) { orderd in
      await #expect(throws: (any Error).self) { _ = try await Checks.createOrganization(orderd, idempotencyKey: call) }
      let answer = try await Checks.createOrganization(orderd, idempotencyKey: call)
      try await Checks.expectOneWholeChild(orderd, answered: answer)
      #expect(try await Checks.createOrganization(orderd, idempotencyKey: call) == answer)
      return answer
    }
    try Checks.expectNoSecrets([answer.adminKey.secret], under: directory)
    try await TestOrderd.with(dataDirectory: directory) { orderd in
      #expect(try await Checks.createOrganization(orderd, idempotencyKey: call) == answer)
      try await Checks.expectOneWholeChild(orderd, answered: answer)
    }
    try Checks.expectNoSecrets([answer.adminKey.secret], under: directory)
  }

  @Test(
    "T1, B2: after a crash at any step of CreateOrganization, the next start finishes it without a retry; the retry then answers it",
    arguments: CrashPoint.allCases)
  func startFinishes(_ point: CrashPoint) async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: point)) { orderd in
      _ = await #expect(throws: (any Error).self) {
        _ = try await Checks.createOrganization(orderd, idempotencyKey: call)
      }
    }
    let answer = try await TestOrderd.with(dataDirectory: directory) { orderd in
      let child = try await Checks.expectOneWholeChild(orderd)
      let answer = try await Checks.createOrganization(orderd, idempotencyKey: call)
      #expect(answer.organization == child)
      try await Checks.expectOneWholeChild(orderd, answered: answer)
      return answer
    }
    try Checks.expectNoSecrets([answer.adminKey.secret], under: directory)
  }

  @Test("T1, B2: recovery at start is itself recoverable: crashes during two starts, then a third finishes once")
  func recoveryInterrupted() async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: .intentRecorded)) { orderd in
      _ = await #expect(throws: (any Error).self) {
        _ = try await Checks.createOrganization(orderd, idempotencyKey: call)
      }
    }
    for point in [CrashPoint.parentAccountWritten, .organizationFileWritten] {
      try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: point)) { orderd in
        // Recovery stopped at `point`: the organization is not in the registry yet.
        let listing = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
        #expect(listing.children.isEmpty, "\(point)")
        #expect(try await orderd.application.registry.pendingOperations().count == 1, "\(point)")
      }
    }
    let answer = try await TestOrderd.with(dataDirectory: directory) { orderd in
      let child = try await Checks.expectOneWholeChild(orderd)
      let answer = try await Checks.createOrganization(orderd, idempotencyKey: call)
      #expect(answer.organization == child)
      return answer
    }
    try Checks.expectNoSecrets([answer.adminKey.secret], under: directory)
  }

  @Test(
    "T1, B2: without an idempotency key, a crash mid-creation leaves no half organization: the next start finishes it")
  func keylessFinishedAtStart() async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: .parentAccountWritten)) { orderd in
      _ = await #expect(throws: (any Error).self) {
        _ = try await Checks.createOrganization(orderd, idempotencyKey: nil)
      }
    }
    try await TestOrderd.with(dataDirectory: directory) { orderd in
      try await Checks.expectOneWholeChild(orderd)
      // Without a key, every call is a new organization.
      _ = try await Checks.createOrganization(orderd, idempotencyKey: nil)
      let listing = try await orderd.root.organizations.listOrganizations(.init(), metadata: orderd.root.metadata())
      #expect(listing.children.count == 2)
    }
  }

  @Test("T1: concurrent repeats of one CreateOrganization, some after a crash, make one organization and one answer")
  func concurrentRepeats() async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: .organizationFileWritten)) { orderd in
      await #expect(throws: (any Error).self) { _ = try await Checks.createOrganization(orderd, idempotencyKey: call) }
      let answers = try await withThrowingTaskGroup(of: Orders_V1_CreateOrganizationResponse.self) { group in
        for _ in 0..<8 {
          group.addTask { try await Checks.createOrganization(orderd, idempotencyKey: call) }
        }
        return try await group.reduce(into: [Orders_V1_CreateOrganizationResponse]()) { $0.append($1) }
      }
      #expect(Set(answers.map(\.adminKey.secret)).count == 1)
      #expect(answers.allSatisfy { $0 == answers[0] })
      try await Checks.expectOneWholeChild(orderd, answered: answers[0])
    }
  }

  @Test(
    "the same idempotency key with another CreateOrganization request is refused, also while the first is unfinished")
  func differentRequestRefused() async throws {
    let directory = Checks.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let call = UUID().uuidString
    try await TestOrderd.with(dataDirectory: directory, faults: .crash(at: .parentAccountWritten)) { orderd in
      await #expect(throws: (any Error).self) { _ = try await Checks.createOrganization(orderd, idempotencyKey: call) }
      var other = Checks.request
      other.name = "Other"
      let error = await #expect(throws: RPCError.self) {
        _ = try await orderd.root.organizations.createOrganization(
          other, metadata: orderd.root.metadata(idempotencyKey: call))
      }
      #expect(error?.code == .invalidArgument)
      #expect(error?.message.contains("already used for a different request") == true)
      let answer = try await Checks.createOrganization(orderd, idempotencyKey: call)
      try await Checks.expectOneWholeChild(orderd, answered: answer)
    }
  }
}
