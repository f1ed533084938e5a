import BenchSupport
import GRPCCore

/// Messages are the raw bytes as sent: no protobuf, so the benchmark measures the transports
/// and GRPCCore, not a serialization library.
struct RawBytesCoder: MessageSerializer, MessageDeserializer {
  typealias Message = [UInt8]

  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
    Bytes(message)
  }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}
