/// The first 12 bytes each side sends on a new connection: the magic `ORDW`, the protocol
/// version (UInt16), a capability bitset (UInt16) and the number of concurrent streams the
/// sender accepts (UInt32; a client, which accepts none, sends 0).
public struct Preface: Hashable, Sendable {
  /// `ORDW` in ASCII.
  public static let magic: [UInt8] = [0x4F, 0x52, 0x44, 0x57]
  /// The only version this implementation speaks.
  public static let currentVersion: UInt16 = 1
  /// The size of an encoded preface in bytes.
  public static let size = 12

  public var version: UInt16
  public var capabilities: Capabilities
  /// How many streams the sender lets its peer have open at once. A server announces its
  /// limit so clients queue calls instead of having them refused; a client sends 0.
  public var maxConcurrentStreams: UInt32

  public init(
    version: UInt16 = Preface.currentVersion,
    capabilities: Capabilities = [],
    maxConcurrentStreams: UInt32 = 0
  ) {
    self.version = version
    self.capabilities = capabilities
    self.maxConcurrentStreams = maxConcurrentStreams
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
