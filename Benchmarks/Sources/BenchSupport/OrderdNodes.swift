import OrderClient

/// The orderd processes ("nodes") of one run: one, or several sharing one PostgreSQL database
/// (`--storage`), each with its own data directory. The first creates the root organization
/// and writes its key; the others start once it listens, find the root in the database and
/// are driven with the first one's key.
public struct OrderdNodes: Sendable {
  public let all: [OrderdProcess]

  /// The node that created the root (its key is ``OrderdProcess/rootKey``).
  public var first: OrderdProcess { self.all[0] }

  public var addresses: [ServerAddress] { self.all.map(\.address) }

  /// Starts `count` nodes one after another; when one fails, those started are stopped.
  public static func start(
    count: Int, executable: String, clock: String, keepDataDirectory: Bool, logLevel: String,
    extraArguments: [String]
  ) throws -> OrderdNodes {
    var all: [OrderdProcess] = []
    do {
      for _ in 0..<max(1, count) {
        all.append(
          try OrderdProcess.start(
            executable: executable, clock: clock, keepDataDirectory: keepDataDirectory, logLevel: logLevel,
            rootKey: all.first?.rootKey, extraArguments: extraArguments))
      }
    } catch {
      for node in all.reversed() { node.stop() }
      throw error
    }
    return OrderdNodes(all: all)
  }

  /// Stops every node (SIGTERM, the last started first) and deletes their directories.
  public func stop() {
    for node in self.all.reversed() { node.stop() }
  }

  /// How the report names node `index` (0-based): `orderd` when there is one.
  public func name(_ index: Int) -> String {
    self.all.count == 1 ? "orderd" : "orderd node \(index + 1)"
  }
}
