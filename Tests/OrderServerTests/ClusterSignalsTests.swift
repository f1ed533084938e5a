import Foundation
import OrderDomain
import OrderTesting
import Testing

@testable import OrderServer
@testable import OrderStorage

/// Signals that tests send as if another node had: delivered in order, none lost.
final class FakeClusterSignals: ClusterSignals {
  private let stream: AsyncStream<ClusterSignal>
  private let continuation: AsyncStream<ClusterSignal>.Continuation

  init() {
    (self.stream, self.continuation) = AsyncStream.makeStream()
  }

  func send(_ signal: ClusterSignal) { self.continuation.yield(signal) }

  func listen(_ deliver: @escaping @Sendable (ClusterSignal) -> Void) async {
    for await signal in self.stream { deliver(signal) }
  }
}

/// Issue 14: what a node hears from the others (``ClusterSignals``) has the effect of its own
/// news: the bell, the runner's wake-up, the clock, the authentication cache.
@Suite("Signals from other nodes", .timeLimit(.minutes(1)))
struct ClusterSignalsTests {
  static let start = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z

  struct Node {
    var registry: Registry
    var bell: NotificationBell
    var wakeups: WorkWakeups
    var clock: ServerClock
    var root: Registry.Bootstrap
  }

  /// A node's parts in a fresh directory, listening to `signals` while `body` runs.
  private func withNode(_ signals: FakeClusterSignals, _ body: (Node) async throws -> Void) async throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orderd-signals-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: url) }
    let registry = try Registry(directory: DataDirectory(url))
    defer { try? registry.close() }
    let clock = ServerClock(mode: .simulated(start: Self.start))
    let node = Node(
      registry: registry, bell: NotificationBell(), wakeups: WorkWakeups(registry: registry, clock: clock),
      clock: clock, root: try await registry.bootstrap(now: Self.start))
    let listening = ClusterListening(
      signals: signals,
      reactions: ClusterReactions(bell: node.bell, wakeups: node.wakeups, clock: clock, registry: registry))
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await listening.run() }
      defer { group.cancelAll() }
      try await body(node)
    }
  }

  @Test("N2, F6, T6: another node's news rings the watchers, wakes the runner, moves the clock, evicts the key")
  func signalsTakeEffect() async throws {
    let signals = FakeClusterSignals()
    try await withNode(signals) { node in
      let organization = node.root.root.id
      let key = try #require(node.root.rootAdminKey)
      #expect(try await node.registry.authenticate(presentedKey: key.plaintext) != nil)
      // Revoked by another node: this node's cache still has the key.
      try await node.registry.write { sql -> Void in
        try sql.execute("UPDATE apiKeys SET revokedAt = ? WHERE id = ?", [Self.start, key.record.id.rawValue])
      }
      #expect(try await node.registry.authenticate(presentedKey: key.plaintext) != nil)

      let rings = node.bell.generation(organization)
      let wakes = node.wakeups.wakeCount
      signals.send(.keyRevoked(key.record.id))
      signals.send(.clockMoved(Self.start + 86_400))
      signals.send(.clockMoved(Self.start + 60))  // older: ignored
      signals.send(.workDue)
      signals.send(.logAppended(organization))
      await node.bell.wait(organization, after: rings, timeout: .seconds(30))
      #expect(node.bell.generation(organization) != rings)
      // Delivered in order: everything sent before the ring has taken effect.
      #expect(node.clock.now() == Self.start + 86_400)
      #expect(node.wakeups.wakeCount == wakes + 2)  // the clock that moved, and the work due
      #expect(try await node.registry.authenticate(presentedKey: key.plaintext) == nil)
    }
  }

  @Test("N2, F6: after a gap in listening every watcher and the runner look again")
  func missedSignalsRingEverything() async throws {
    let signals = FakeClusterSignals()
    try await withNode(signals) { node in
      let organizations = [node.root.root.id, OrganizationID.random(), OrganizationID.random()]
      let wakes = node.wakeups.wakeCount
      // Two watchers asleep, one that read its generation but is not waiting yet.
      let late = node.bell.generation(organizations[2])
      try await withThrowingTaskGroup(of: Void.self) { group in
        for organization in organizations.prefix(2) {
          let seen = node.bell.generation(organization)
          group.addTask { await node.bell.wait(organization, after: seen, timeout: .seconds(600)) }
        }
        #expect(await eventually { node.bell.waiterCount == 2 })
        signals.send(.missedSome)
        try await group.waitForAll()
      }
      await node.bell.wait(organizations[2], after: late, timeout: .seconds(600))
      #expect(node.bell.generation(organizations[2]) != late)
      #expect(node.wakeups.wakeCount == wakes + 1)
    }
  }

  @Test("B2, T6: a parent account or a revocation another node wrote is read fresh after its signal, or after a gap")
  func cachedRegistryRowsEvicted() async throws {
    let signals = FakeClusterSignals()
    try await withNode(signals) { node in
      let child = try await node.registry.createOrganization(
        name: "Tenant", kind: .tenant, parent: node.root.root.id, now: Self.start
      ).organization.id
      let key = try #require(node.root.rootAdminKey)
      #expect(try await node.registry.organization(id: child)?.parentAccountID == nil)
      #expect(try await node.registry.authenticate(presentedKey: key.plaintext) != nil)
      // Another node sets the parent account and revokes the key: this node's caches still
      // hold the old rows.
      try await node.registry.write { sql -> Void in
        try sql.execute("UPDATE organizations SET parentAccountID = 'ACC-000009' WHERE id = ?", [child.rawValue])
        try sql.execute("UPDATE apiKeys SET revokedAt = ? WHERE id = ?", [Self.start, key.record.id.rawValue])
      }
      #expect(try await node.registry.organization(id: child)?.parentAccountID == nil)

      signals.send(.organizationChanged(child))
      #expect(
        await eventually(timeout: .seconds(30)) {
          (try? await node.registry.organization(id: child))??.parentAccountID == "ACC-000009"
        })
      // A gap in listening: the revocation's signal was lost, and everything cached is dropped.
      #expect(try await node.registry.authenticate(presentedKey: key.plaintext) != nil)
      signals.send(.missedSome)
      #expect(
        await eventually(timeout: .seconds(30)) {
          (try? await node.registry.authenticate(presentedKey: key.plaintext)) == .some(nil)
        })
    }
  }

  @Test("PostgreSQL notifications become signals; a channel or payload this build does not know is ignored")
  func postgresChannels() throws {
    let organization = OrganizationID.random()
    let signal = PostgresClusterSignals.signal
    #expect(signal(CommitChannel.log, organization.rawValue) == .logAppended(organization))
    #expect(signal(CommitChannel.work, "\(organization) 2027-01-01 00:00:00.000") == .workDue)
    #expect(signal(CommitChannel.work, organization.rawValue) == .workDue)
    #expect(signal(CommitChannel.clock, "2027-02-01T00:00:00Z") == .clockMoved(Self.start + 31 * 86_400))
    #expect(signal(CommitChannel.clock, "not a time") == nil)
    #expect(signal(CommitChannel.keys, "key-1") == .keyRevoked(APIKeyID(rawValue: "key-1")))
    #expect(signal(CommitChannel.organizations, organization.rawValue) == .organizationChanged(organization))
    #expect(signal("orderd_future", "x") == nil)
  }

  @Test("a node alone hears nothing and listens until cancelled")
  func noSignals() async {
    let listening = Task { await NoClusterSignals().listen { _ in Issue.record("a signal without other nodes") } }
    listening.cancel()
    await listening.value
  }
}
