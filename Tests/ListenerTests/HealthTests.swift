import Foundation
import GRPCCore
import OrderProtocol
import OrderTesting
import SwiftProtobuf
import Synchronization
import Testing

/// The standard `grpc.health.v1.Health` service on both listeners, without an API key.
@Suite("grpc.health.v1.Health on both listeners", .timeLimit(.minutes(5)))
struct HealthTests {
  typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus

  @Test("Check is SERVING overall and per service without a key, on both listeners; an unknown service is NOT_FOUND")
  func check() async throws {
    try await Listeners.with { listeners in
      let names = ["", "orders.v1.OrderService", "orders.v1.OrganizationService", "orders.v1.NotificationService"]
      try await listeners.withHTTP2Client { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        for name in names {
          let status = try await health.check(.with { $0.service = name }).status
          #expect(status == .serving, "\(name)")
        }
        let code = await statusCode { _ = try await health.check(.with { $0.service = "nothing.v1.Here" }) }
        #expect(code == .notFound)
      }
      try await listeners.withWireClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        for name in names {
          let status = try await health.check(.with { $0.service = name }).status
          #expect(status == .serving, "\(name)")
        }
        let code = await statusCode { _ = try await health.check(.with { $0.service = "nothing.v1.Here" }) }
        #expect(code == .notFound)
      }
    }
  }

  @Test("Watch of an unknown service sends SERVICE_UNKNOWN and stays open")
  func watchUnknown() async throws {
    try await Listeners.with { listeners in
      try await listeners.withHTTP2Client { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        let first = try await health.watch(.with { $0.service = "nothing.v1.Here" }) { response -> Status? in
          for try await message in response.messages { return message.status }
          return nil
        }
        #expect(first == .serviceUnknown)
      }
    }
  }

  @Test("Watch on both listeners: SERVING, then NOT_SERVING once SIGTERM starts draining; orderd exits 0")
  func drain() async throws {
    try await Listeners.with { listeners in
      let watching = Counter()
      try await withThrowingTaskGroup(of: [Status].self) { group in
        group.addTask {
          try await listeners.withHTTP2Client { client in
            try await Self.watch(Grpc_Health_V1_Health.Client(wrapping: client), service: "", watching: watching)
          }
        }
        group.addTask {
          try await listeners.withWireClient { client in
            try await Self.watch(
              Grpc_Health_V1_Health.Client(wrapping: client), service: "orders.v1.OrderService", watching: watching)
          }
        }
        #expect(await eventually { watching.value == 2 })
        kill(listeners.server.processIdentifier, SIGTERM)
        for try await statuses in group {
          #expect(statuses == [.serving, .notServing])
        }
      }
      // No second signal: wait for the drained server to exit by itself.
      #expect(await eventually { !listeners.server.isRunning })
      #expect(try await listeners.server.stop() == 0)
    }
  }

  /// Collects the statuses a watch reports until NOT_SERVING or the end of the stream.
  static func watch<Transport: ClientTransport>(
    _ health: Grpc_Health_V1_Health.Client<Transport>, service: String, watching: Counter
  ) async throws -> [Status] {
    try await health.watch(.with { $0.service = service }) { response in
      var seen: [Status] = []
      for try await message in response.messages {
        seen.append(message.status)
        if message.status == .serving { watching.increment() }
        if message.status == .notServing { break }
      }
      return seen
    }
  }
}

/// A count shared between tasks.
final class Counter: Sendable {
  private let count = Mutex(0)
  var value: Int { self.count.withLock { $0 } }
  func increment() { self.count.withLock { $0 += 1 } }
}
