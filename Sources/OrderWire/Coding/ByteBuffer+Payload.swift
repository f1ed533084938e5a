import NIOCore

// The building blocks of frame payloads: length-prefixed strings and metadata blocks.
extension ByteBuffer {
  /// Writes a UTF-8 string prefixed by its length as a UInt16, truncated to 65,535 bytes.
  @discardableResult
  mutating func writeString16(_ string: String) -> Int {
    var utf8 = Array(string.utf8)
    if utf8.count > Int(UInt16.max) { utf8.removeLast(utf8.count - Int(UInt16.max)) }
    return self.writeInteger(UInt16(utf8.count)) + self.writeBytes(utf8)
  }

  mutating func readString16(field: String) throws(WireError) -> String {
    guard let length = self.readInteger(as: UInt16.self) else {
      throw .protocolError("\(field): missing length")
    }
    guard let bytes = self.readBytes(length: Int(length)) else {
      throw .protocolError("\(field): declares \(length) bytes, \(self.readableBytes) present")
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes a metadata block: entry count (UInt16), then per entry a value tag (UInt8:
  /// 0 text, 1 binary), the key (UInt16 length + UTF-8) and the value (UInt32 length + bytes).
  @discardableResult
  mutating func writeMetadata(_ metadata: WireMetadata) -> Int {
    var written = self.writeInteger(UInt16(truncatingIfNeeded: metadata.count))
    for entry in metadata.prefix(Int(UInt16.max)) {
      switch entry.value {
      case .string(let value):
        written += self.writeInteger(UInt8(0))
        written += self.writeString16(entry.key)
        let utf8 = value.utf8
        written += self.writeInteger(UInt32(utf8.count))
        written += self.writeBytes(utf8)
      case .binary(let value):
        written += self.writeInteger(UInt8(1))
        written += self.writeString16(entry.key)
        written += self.writeInteger(UInt32(value.count))
        written += self.writeBytes(value)
      }
    }
    return written
  }

  mutating func readMetadata() throws(WireError) -> WireMetadata {
    guard let count = self.readInteger(as: UInt16.self) else {
      throw .protocolError("metadata: missing entry count")
    }
    var metadata = WireMetadata()
    metadata.reserveCapacity(Int(count))
    for index in 0..<Int(count) {
      guard let tag = self.readInteger(as: UInt8.self) else {
        throw .protocolError("metadata entry \(index): missing value tag")
      }
      let key = try self.readString16(field: "metadata entry \(index) key")
      guard let length = self.readInteger(as: UInt32.self),
        let bytes = self.readBytes(length: Int(length))
      else {
        throw .protocolError("metadata entry \(index) ('\(key)'): value truncated")
      }
      switch tag {
      case 0: metadata.append(.string(key, String(decoding: bytes, as: UTF8.self)))
      case 1:
        // gRPC's Metadata takes binary values only under `-bin` keys (it asserts so).
        guard key.hasSuffix("-bin") else {
          throw .protocolError("metadata entry \(index) ('\(key)'): a binary value needs a key ending in -bin")
        }
        metadata.append(.binary(key, bytes))
      default: throw .protocolError("metadata entry \(index) ('\(key)'): unknown value tag \(tag)")
      }
    }
    return metadata
  }
}
