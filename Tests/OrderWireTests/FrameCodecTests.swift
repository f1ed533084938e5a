import NIOCore
import NIOTestUtils
import OrderWire
import Testing

@Suite("Frame codec", .timeLimit(.minutes(5)))
struct FrameCodecTests {
  static let frames: [Frame] = [
    .headers(
      streamID: 1,
      CallHeaders(
        path: "/a.B/C",
        timeoutMicroseconds: 42,
        metadata: [.string("k", "v"), .binary("k-bin", [0, 255]), .string("ünï", "çødé")]
      ),
      endStream: true
    ),
    .message(streamID: 3, .data(ByteBuffer(string: "payload"), compressed: false, endStream: true)),
    .message(streamID: 3, .endOfStream),
    .trailers(streamID: 5, CallTrailers(code: 13, message: "boom", metadata: [.string("why", "because")])),
    .cancel(streamID: 7, code: 1),
    .ping(data: .max, ack: false),
    .goAway(GoAway(lastStreamID: 99, code: .frameSizeError, message: "too big")),
  ]

  @Test("frames decode back to the same frames however the bytes are split")
  func roundTrip() throws {
    var bytes = ByteBuffer()
    for frame in Self.frames { FrameEncoder.encode(frame, into: &bytes) }
    // The verifier feeds the same decoder repeatedly, so it starts after the preface.
    try ByteToMessageDecoderVerifier.verifyDecoder(
      inputOutputPairs: [(bytes, Self.frames)],
      decoderFactory: { FrameDecoder(expectPreface: false) }
    )
  }

  @Test("a connection's bytes, preface then frames, decode one byte at a time")
  func prefaceThenFramesByteByByte() throws {
    var bytes = ByteBuffer()
    let frames = [Frame.preface(Preface(capabilities: .acceptsZlib))] + Self.frames
    for frame in frames { FrameEncoder.encode(frame, into: &bytes) }
    var decoder = FrameDecoder()
    var received = ByteBuffer()
    var decoded: [Frame] = []
    for byte in bytes.readableBytesView {
      received.writeInteger(byte)
      while let frame = try decoder.decodeFrame(from: &received) { decoded.append(frame) }
    }
    #expect(decoded == frames)
  }

  @Test("the header is 10 bytes: length, type, flags, stream id, big-endian")
  func headerLayout() {
    var bytes = ByteBuffer()
    FrameEncoder.encode(.cancel(streamID: 0x0102_0304, code: 8), into: &bytes)
    #expect(Array(bytes.readableBytesView) == [0, 0, 0, 4, 0x04, 0, 1, 2, 3, 4, 0, 0, 0, 8])
  }

  @Test("a frame over the limit is refused from its header, before the payload arrives")
  func oversizedRefusedEarly() {
    var decoder = FrameDecoder(limits: WireLimits(maxFrameSize: 16), expectPreface: false)
    var bytes = ByteBuffer()
    bytes.writeFrameHeader(FrameHeader(length: 17, type: .message, streamID: 1))
    let error = #expect(throws: WireError.self) { _ = try decoder.decodeFrame(from: &bytes) }
    #expect(error?.code == .frameSizeError)
  }

  @Test("metadata over the limit is a frame size error")
  func oversizedMetadata() {
    var decoder = FrameDecoder(limits: WireLimits(maxMetadataSize: 32), expectPreface: false)
    var bytes = ByteBuffer()
    let headers = CallHeaders(path: "/x", metadata: [.string("k", String(repeating: "v", count: 64))])
    FrameEncoder.encode(.headers(streamID: 1, headers, endStream: false), into: &bytes)
    let error = #expect(throws: WireError.self) { _ = try decoder.decodeFrame(from: &bytes) }
    #expect(error?.code == .frameSizeError)
  }

  @Test("a bad preface is reported after 4 bytes, with the bytes seen")
  func badPrefaceEarly() {
    var decoder = FrameDecoder()
    var bytes = ByteBuffer(string: "GET ")
    let error = #expect(throws: WireError.self) { _ = try decoder.decodeFrame(from: &bytes) }
    #expect(error?.code == .badPreface)
    #expect(error?.message.contains("47 45 54 20") == true)
  }

  @Test("an incomplete frame needs more data and consumes nothing")
  func incomplete() throws {
    var decoder = FrameDecoder(expectPreface: false)
    var bytes = ByteBuffer()
    FrameEncoder.encode(.ping(data: 1, ack: false), into: &bytes)
    var partial = bytes.getSlice(at: 0, length: 12) ?? ByteBuffer()
    #expect(try decoder.decodeFrame(from: &partial) == nil)
    #expect(partial.readableBytes == 12)
  }

  @Test("the MessageToByteEncoder writes the same bytes as the static encoder")
  func messageToByteEncoder() throws {
    var written = ByteBuffer()
    try FrameEncoder().encode(data: .ping(data: 7, ack: true), out: &written)
    var expected = ByteBuffer()
    FrameEncoder.encode(.ping(data: 7, ack: true), into: &expected)
    #expect(written == expected)
  }
}
