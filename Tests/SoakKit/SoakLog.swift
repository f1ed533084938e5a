import Foundation

/// One call a soak client made, as it saw the answer: what the checker replays and compares.
public struct SoakEntry: Codable, Sendable {
  public enum Caller: String, Codable, Sendable { case root, tenant }

  public var client: Int
  public var sequence: Int
  /// `/orders.v1.OrderService/PlaceOrder`.
  public var method: String
  public var caller: Caller
  public var idempotencyKey: String
  public var request: Data
  /// The response's bytes when the call succeeded.
  public var response: Data?
  /// The status code when it failed with an answer (not UNAVAILABLE: those are retried).
  public var code: Int?
  public var message: String?
  /// How many attempts the call took (more than one: the server was down or restarting).
  public var attempts: Int
}

/// An append-only JSON-lines log of one client's calls.
public final class SoakLog: @unchecked Sendable {
  private let handle: FileHandle
  private let encoder = JSONEncoder()
  private let lock = NSLock()

  public init(url: URL) throws {
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    self.handle = try FileHandle(forWritingTo: url)
  }

  public func append(_ entry: SoakEntry) throws {
    var line = try self.encoder.encode(entry)
    line.append(0x0A)
    try self.lock.withLock { try self.handle.write(contentsOf: line) }
  }

  public static func read(_ url: URL) throws -> [SoakEntry] {
    let decoder = JSONDecoder()
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
      try decoder.decode(SoakEntry.self, from: Data($0.utf8))
    }
  }

  deinit { try? self.handle.close() }
}
