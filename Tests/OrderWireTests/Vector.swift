import Foundation
import NIOCore
import OrderWire

/// One file of protocol/vectors: bytes in hex and the frame (or the error) they mean.
struct Vector: Decodable {
  var description: String
  var afterPreface: Bool
  var hex: String
  var frame: FrameSpec?
  var error: String?

  var bytes: ByteBuffer { ByteBuffer(bytes: Self.bytes(fromHex: self.hex)) }

  static func bytes(fromHex hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return bytes
  }

  /// Every vector file, by name, from the test bundle's copy of protocol/vectors.
  static func all() throws -> [(name: String, vector: Vector)] {
    guard let directory = Bundle.module.url(forResource: "Vectors", withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") }
      .sorted()
    return try names.map { name in
      let data = try Data(contentsOf: directory.appendingPathComponent(name))
      return (name, try JSONDecoder().decode(Vector.self, from: data))
    }
  }
}

/// The JSON description of a frame, as written by protocol/vectors/generate.py.
struct FrameSpec: Decodable {
  struct Entry: Decodable {
    var key: String
    var string: String?
    var binary: String?
  }

  var type: String
  var version: UInt16?
  var capabilities: UInt16?
  var maxConcurrentStreams: UInt32?
  var streamID: UInt32?
  var endStream: Bool?
  var path: String?
  var timeoutMicroseconds: UInt64?
  var metadata: [Entry]?
  var flags: [String]?
  var payload: String?
  var code: UInt32?
  var message: String?
  var ack: Bool?
  var data: String?
  var lastStreamID: UInt32?

  var frame: Frame {
    let id = self.streamID ?? 0
    switch self.type {
    case "preface":
      return .preface(
        Preface(
          version: self.version ?? 0,
          capabilities: .init(rawValue: self.capabilities ?? 0),
          maxConcurrentStreams: self.maxConcurrentStreams ?? 0
        )
      )
    case "headers":
      let headers = CallHeaders(
        path: self.path ?? "", timeoutMicroseconds: self.timeoutMicroseconds, metadata: self.wireMetadata)
      return .headers(streamID: id, headers, endStream: self.endStream ?? false)
    case "message":
      var flags: FrameFlags = []
      for flag in self.flags ?? [] {
        switch flag {
        case "endStream": flags.insert(.endStream)
        case "compressed": flags.insert(.compressed)
        default: flags.insert(.noMessage)
        }
      }
      let payload = ByteBuffer(bytes: Vector.bytes(fromHex: self.payload ?? ""))
      return .message(streamID: id, MessageFrame(bytes: payload, flags: flags))
    case "trailers":
      return .trailers(
        streamID: id, CallTrailers(code: self.code ?? 0, message: self.message ?? "", metadata: self.wireMetadata))
    case "cancel":
      return .cancel(streamID: id, code: self.code ?? 0)
    case "ping":
      let data = Vector.bytes(fromHex: self.data ?? "").reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      return .ping(data: data, ack: self.ack ?? false)
    default:
      let goAway = GoAway(
        lastStreamID: self.lastStreamID ?? 0,
        code: WireErrorCode(rawValue: self.code ?? 0),
        message: self.message ?? ""
      )
      return .goAway(goAway)
    }
  }

  private var wireMetadata: WireMetadata {
    (self.metadata ?? []).map { entry in
      if let binary = entry.binary { return .binary(entry.key, Vector.bytes(fromHex: binary)) }
      return .string(entry.key, entry.string ?? "")
    }
  }
}
