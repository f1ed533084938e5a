/// How the fuzzer's bytes are read: a small header that chooses the connection's settings
/// and where the byte stream is split into reads, then the byte stream itself.
///
/// Layout: `options` (1 byte), `n` (1 byte), `n` read sizes (1 byte each, size = byte + 1),
/// then the stream. The stream is fed in reads of those sizes, cycling through them (no
/// sizes: one read). Options:
/// - bit 0: the stream starts after the preface (else it starts the connection);
/// - bits 1–2: the server's concurrency limit, 1, 2, 4 or 8 streams;
/// - bit 3: a call's handler ends as soon as its request stream is half-closed (else
///   handlers run until the client cancels or the connection ends);
/// - bit 4: small limits (frames of a few hundred bytes), else the defaults;
/// - bits 5–7: begin a graceful shutdown after that many frames (0: never).
public struct FuzzInput: Hashable, Sendable {
  public var afterPreface: Bool
  public var maxConcurrentStreams: Int
  public var handlersEndOnHalfClose: Bool
  public var smallLimits: Bool
  public var drainAfterFrames: Int?
  public var readSizes: [Int]
  public var stream: [UInt8]

  public init(_ bytes: some Collection<UInt8>) {
    var rest = bytes[...]
    let options = rest.popFirst() ?? 0
    self.afterPreface = options & 0x01 != 0
    self.maxConcurrentStreams = 1 << Int((options >> 1) & 0x03)
    self.handlersEndOnHalfClose = options & 0x08 != 0
    self.smallLimits = options & 0x10 != 0
    let drain = Int(options >> 5)
    self.drainAfterFrames = drain == 0 ? nil : drain
    let count = Int(rest.popFirst() ?? 0)
    self.readSizes = rest.prefix(count).map { Int($0) + 1 }
    self.stream = Array(rest.dropFirst(count))
  }

  /// The fuzzer input for `stream` with everything else at its simplest: one read, the
  /// largest concurrency limit, handlers that end on half-close, default limits.
  public static func seed(_ stream: [UInt8], afterPreface: Bool) -> [UInt8] {
    [(afterPreface ? 0x01 : 0x00) | 0x06 | 0x08, 0] + stream
  }

  /// The stream cut into reads of the chosen sizes.
  public var reads: [ArraySlice<UInt8>] {
    guard !self.readSizes.isEmpty else { return [self.stream[...]] }
    var reads: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while start < self.stream.count {
      let end = min(start + self.readSizes[index % self.readSizes.count], self.stream.count)
      reads.append(self.stream[start..<end])
      start = end
      index += 1
    }
    return reads
  }
}
