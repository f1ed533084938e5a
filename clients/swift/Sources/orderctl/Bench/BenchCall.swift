import ArgumentParser
import OrderClient
import OrderProtocol

/// What `orderctl bench` calls.
enum BenchCall: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// `ClockService/GetClock`: a read that touches no organization database.
  case read
  /// `AccountService/CreateAccount`: a durable write.
  case write
  /// Reads and writes alternately.
  case both

  /// Makes call number `sequence` of worker `worker`.
  func perform(on client: OrderdTCPClient, worker: Int, sequence: Int) async throws {
    let isRead: Bool
    switch self {
    case .read: isRead = true
    case .write: isRead = false
    case .both: isRead = sequence % 2 == 0
    }
    if isRead {
      _ = try await client.getClock()
    } else {
      var request = Orders_V1_CreateAccountRequest()
      request.name = "bench-\(worker)-\(sequence)"
      _ = try await client.createAccount(request)
    }
  }
}
