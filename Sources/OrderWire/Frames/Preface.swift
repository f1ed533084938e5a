/// The first 8 bytes each side sends on a new connection: the magic `ORDW`, the protocol
/// version (UInt16) and a capability bitset (UInt16).
public struct Preface: Hashable, Sendable {
  /// `ORDW` in ASCII.
  public static let magic: [UInt8] = [0x4F, 0x52, 0x44, 0x57]
  /// The only version this implementation speaks.
  public static let currentVersion: UInt16 = 1
  /// The size of an encoded preface in bytes.
  public static let size = 8

  public var version: UInt16
  public var capabilities: Capabilities

  public init(version: UInt16 = Preface.currentVersion, capabilities: Capabilities = []) {
    self.version = version
    self.capabilities = capabilities
  }

  /// What the sender of the preface can handle.
  public struct Capabilities: OptionSet, Hashable, Sendable {
    public var rawValue: UInt16

    public init(rawValue: UInt16) {
      self.rawValue = rawValue
    }

    /// The sender accepts zlib-compressed MESSAGE frames.
    public static let acceptsZlib = Capabilities(rawValue: 0x0001)
  }
}
