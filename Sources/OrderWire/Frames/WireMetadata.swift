/// Call metadata as it travels on the wire: an ordered list of key/value pairs, where a
/// value is explicitly tagged as text or binary (gRPC's `-bin` keys carry binary values).
public typealias WireMetadata = [WireMetadataEntry]

/// One metadata pair. Keys are sent as given; gRPC lowercases them before they get here.
public struct WireMetadataEntry: Hashable, Sendable {
  public enum Value: Hashable, Sendable {
    /// Tag 0 on the wire: UTF-8 text.
    case string(String)
    /// Tag 1 on the wire: raw bytes.
    case binary([UInt8])
  }

  public var key: String
  public var value: Value

  public init(key: String, value: Value) {
    self.key = key
    self.value = value
  }

  public static func string(_ key: String, _ value: String) -> WireMetadataEntry {
    WireMetadataEntry(key: key, value: .string(value))
  }

  public static func binary(_ key: String, _ value: [UInt8]) -> WireMetadataEntry {
    WireMetadataEntry(key: key, value: .binary(value))
  }
}
