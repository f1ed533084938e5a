import GRPCCore
import OrderWire

/// Received metadata goes to gRPC as is (OrderTransport's `Metadata(wire:)`): every entry the
/// decoder accepts must be one gRPC's `Metadata` takes. It asserts that binary values have
/// keys ending in `-bin`, which in a debug build stops the process.
enum GRPCMetadataCheck {
  static func check(_ frame: Frame) throws(FuzzFailure) {
    let wire: WireMetadata
    switch frame {
    case .headers(_, let headers, _): wire = headers.metadata
    case .trailers(_, let trailers): wire = trailers.metadata
    default: return
    }
    var metadata = Metadata()
    for entry in wire {
      switch entry.value {
      case .string(let value):
        metadata.addString(value, forKey: entry.key)
      case .binary(let value):
        guard entry.key.hasSuffix("-bin") else {
          throw FuzzFailure("decoded a binary value under the key '\(entry.key)', which gRPC's Metadata refuses")
        }
        metadata.addBinary(value, forKey: entry.key)
      }
    }
    guard metadata.count == wire.count else {
      throw FuzzFailure("\(wire.count) metadata entries became \(metadata.count) in gRPC's Metadata")
    }
  }
}
