/// A typed string identifier: each kind of object has its own type so ids cannot be mixed up.
public protocol Identifier: RawRepresentable, Hashable, Sendable, Codable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
where RawValue == String {
  init(_ rawValue: String)
}

extension Identifier {
  public init(rawValue: String) { self.init(rawValue) }
  public init(stringLiteral value: String) { self.init(value) }
  public var description: String { rawValue }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// Formats a human-readable sequential identifier such as `SO-000042` or `ACC-000001`.
public func sequentialIdentifier(prefix: String, _ value: Int) -> String {
  let digits = String(value)
  let padding = String(repeating: "0", count: max(0, 6 - digits.count))
  return "\(prefix)-\(padding)\(digits)"
}
