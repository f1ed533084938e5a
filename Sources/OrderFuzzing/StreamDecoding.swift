import NIOCore
import NIOEmbedded
import OrderWire

/// What the frame decoder made of a byte stream: the frames in order, then the error that
/// ended it, if any.
struct DecodedStream: Equatable {
  var frames: [Frame] = []
  var error: WireError?
}

/// Two ways to decode the same bytes, which must agree: the stream as one buffer, and the
/// stream in reads through NIO's `ByteToMessageHandler`, as a connection receives it.
enum StreamDecoding {
  static func whole(_ bytes: [UInt8], limits: WireLimits, expectPreface: Bool) -> DecodedStream {
    var decoder = FrameDecoder(limits: limits, expectPreface: expectPreface)
    var buffer = ByteBuffer(bytes: bytes)
    var decoded = DecodedStream()
    do {
      while let frame = try decoder.decodeFrame(from: &buffer) { decoded.frames.append(frame) }
    } catch {
      decoded.error = error
    }
    return decoded
  }

  static func inReads(
    _ reads: [ArraySlice<UInt8>],
    limits: WireLimits,
    expectPreface: Bool
  ) throws(FuzzFailure) -> DecodedStream {
    let channel = EmbeddedChannel()
    defer { _ = try? channel.finish(acceptAlreadyClosed: true) }
    var decoded = DecodedStream()
    do {
      try channel.pipeline.syncOperations.addHandler(
        ByteToMessageHandler(FrameDecoder(limits: limits, expectPreface: expectPreface))
      )
      for read in reads {
        try channel.writeInbound(ByteBuffer(bytes: read))
        while let frame = try channel.readInbound(as: Frame.self) { decoded.frames.append(frame) }
      }
      // End of input: the handler gives the decoder the bytes left over (decodeLast).
      try channel.close().wait()
      channel.embeddedEventLoop.run()
      while let frame = try channel.readInbound(as: Frame.self) { decoded.frames.append(frame) }
      try channel.throwIfErrorCaught()
    } catch let error as WireError {
      while let frame = try? channel.readInbound(as: Frame.self) { decoded.frames.append(frame) }
      decoded.error = error
    } catch {
      throw FuzzFailure("the decoder in a channel failed with \(error), not a WireError")
    }
    return decoded
  }
}
