import OrderWire

/// One fuzzer input through the frame decoder and the server's connection state.
///
/// Checks that the decoder gives the same frames and error whether the stream arrives in one
/// piece or in the chosen reads, that its only failures are GOAWAY codes, that every frame
/// it accepts round-trips through the encoder and can be handed to gRPC, and that the
/// connection state keeps its rules
/// (see ``ConnectionModel``). Crashes and traps are failures too, reported by the fuzzer.
public enum FuzzHarness {
  /// Small limits make FRAME_SIZE_ERROR and RESOURCE_EXHAUSTED reachable with short inputs.
  static let smallLimits = WireLimits(
    maxFrameSize: 512,
    maxMessageSize: 300,
    maxMetadataSize: 256,
    maxGoAwaySize: 128
  )

  /// The default limits, except that decompressed messages stop at 64 KiB so that each
  /// input stays fast.
  static let defaultLimits = WireLimits(maxMessageSize: 64 << 10)

  public static func run(_ bytes: some Collection<UInt8>) throws(FuzzFailure) {
    let input = FuzzInput(bytes)
    let limits = input.smallLimits ? Self.smallLimits : Self.defaultLimits
    let expectPreface = !input.afterPreface
    let whole = StreamDecoding.whole(input.stream, limits: limits, expectPreface: expectPreface)
    let inReads = try StreamDecoding.inReads(input.reads, limits: limits, expectPreface: expectPreface)
    guard whole.frames == inReads.frames, whole.error?.code == inReads.error?.code else {
      throw FuzzFailure(
        "decoded in one piece: \(whole.frames.count) frames, \(String(describing: whole.error)); "
          + "in \(input.reads.count) reads: \(inReads.frames.count) frames, \(String(describing: inReads.error))"
      )
    }
    if let error = whole.error {
      let beforePreface = expectPreface && whole.frames.isEmpty
      let allowed: Set<WireErrorCode> =
        beforePreface ? [.badPreface, .unsupportedVersion] : [.protocolError, .frameSizeError]
      guard allowed.contains(error.code) else {
        throw FuzzFailure("the decoder failed with \(error) (before the preface: \(beforePreface))")
      }
    }
    for frame in whole.frames {
      try RoundTrip.check(frame)
      try GRPCMetadataCheck.check(frame)
    }

    var connection = ConnectionModel(input: input, limits: limits)
    for frame in whole.frames {
      if try connection.apply(frame) != nil { break }
    }
    try connection.shutDown()
  }
}
