import GRPCCore

/// Messages are UTF-8 strings: enough to test a transport without protobuf.
struct StringCoder: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: String) throws -> Bytes {
    Bytes(message.utf8)
  }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> String {
    serializedMessageBytes.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
  }
}
