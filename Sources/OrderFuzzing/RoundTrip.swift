import NIOCore
import OrderWire

/// Every decoded frame, encoded again, decodes to the same frame: the encoder and the
/// decoder agree on everything the decoder accepts.
enum RoundTrip {
  static func check(_ frame: Frame) throws(FuzzFailure) {
    var bytes = ByteBuffer()
    FrameEncoder.encode(frame, into: &bytes)
    let generous = WireLimits(maxFrameSize: .max, maxMessageSize: .max, maxMetadataSize: .max, maxGoAwaySize: .max)
    var decoder = FrameDecoder(limits: generous, expectPreface: frame.isPreface)
    let again: Frame?
    do {
      again = try decoder.decodeFrame(from: &bytes)
    } catch {
      throw FuzzFailure("\(frame) encodes to bytes its decoder refuses: \(error)")
    }
    guard again == frame, bytes.readableBytes == 0 else {
      throw FuzzFailure("\(frame) encodes to bytes that decode to \(String(describing: again))")
    }
  }
}

extension Frame {
  var isPreface: Bool {
    if case .preface = self { return true }
    return false
  }
}
