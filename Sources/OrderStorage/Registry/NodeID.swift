import Foundation

/// One orderd process among those sharing a storage (issue 14): it names the node that holds
/// a claim on an organization's due work. A new one is made at every start, so a claim left
/// by a process that died is never taken for the new process's own.
public struct NodeID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  /// A node id no other process has: `node-` and a random UUID, lowercase.
  public static func random() -> NodeID {
    NodeID(rawValue: "node-" + UUID().uuidString.lowercased())
  }

  public var description: String { self.rawValue }
}
