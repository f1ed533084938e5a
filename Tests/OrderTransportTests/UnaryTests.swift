import GRPCCore
import OrderTransport
import Testing

@Suite("Unary calls", .timeLimit(.minutes(5)))
struct UnaryTests {
  @Test("a unary call echoes its message")
  func unaryEcho() async throws {
    try await withEcho { client, _ in
      let hello = try await client.echo("hello")
      let empty = try await client.echo("")
      #expect(hello == "hello")
      #expect(empty == "")
    }
  }

  @Test("back-to-back calls at the concurrency limit are never refused")
  func backToBackAtLimit() async throws {
    try await withEcho(server: .init(maxConcurrentStreams: 4)) { client, _ in
      try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<4 {
          group.addTask {
            for index in 0..<50 { _ = try await client.echo("\(worker).\(index)") }
          }
        }
        try await group.waitForAll()
      }
    }
  }

  @Test("calls beyond the server's announced limit queue on the client instead of failing")
  func queuedBeyondLimit() async throws {
    try await withEcho(server: .init(maxConcurrentStreams: 8)) { client, _ in
      _ = try await client.echo("learn the server's limit from its preface")
      try await withThrowingTaskGroup(of: Bool.self) { group in
        for index in 0..<200 {
          group.addTask { try await client.echo("call \(index)") == "call \(index)" }
        }
        var successes = 0
        for try await ok in group where ok { successes += 1 }
        #expect(successes == 200)
      }
    }
  }

  @Test("many concurrent calls share one connection")
  func concurrentCalls() async throws {
    try await withEcho { client, _ in
      try await withThrowingTaskGroup(of: Bool.self) { group in
        for index in 0..<100 {
          group.addTask { try await client.echo("call \(index)") == "call \(index)" }
        }
        var successes = 0
        for try await ok in group where ok { successes += 1 }
        #expect(successes == 100)
      }
    }
  }
}
