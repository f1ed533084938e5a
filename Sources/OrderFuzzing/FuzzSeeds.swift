import Foundation
import NIOCore
import OrderWire

/// The seed corpus: every vector of `protocol/vectors` (its `hex`, started before or after
/// the preface as its `afterPreface` says) and a few whole connections, as fuzzer inputs.
public enum FuzzSeeds {
  private struct Vector: Decodable {
    var afterPreface: Bool
    var hex: String
  }

  /// The seeds by file name, from the vectors in `directory`.
  public static func all(vectors directory: URL) throws -> [(name: String, input: [UInt8])] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") }
      .sorted()
    var seeds = try names.map { name in
      let data = try Data(contentsOf: directory.appendingPathComponent(name))
      let vector = try JSONDecoder().decode(Vector.self, from: data)
      let input = FuzzInput.seed(Self.bytes(fromHex: vector.hex), afterPreface: vector.afterPreface)
      return (name: "vector-" + name.replacingOccurrences(of: ".json", with: ""), input: input)
    }
    seeds.append(("connection-calls", FuzzInput.seed(Self.calls, afterPreface: false)))
    // The same connection in 3-byte reads, with a limit of 2 streams and a shutdown after 5 frames.
    seeds.append(("connection-calls-reads", [0xA2, 1, 2] + Self.calls))
    return seeds
  }

  /// Writes the seeds into `output`, one file each.
  public static func write(vectors: URL, to output: URL) throws -> Int {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let seeds = try Self.all(vectors: vectors)
    for seed in seeds {
      try Data(seed.input).write(to: output.appendingPathComponent(seed.name))
    }
    return seeds.count
  }

  /// A client's side of a connection: the preface, a call with plain and compressed
  /// messages, a call without messages, a cancelled call, a ping and a GOAWAY.
  static var calls: [UInt8] {
    var bytes = ByteBuffer()
    let headers = CallHeaders(
      path: "/orders.v1.OrderService/PlaceOrder",
      timeoutMicroseconds: 5_000_000,
      metadata: [.string("authorization", "Bearer odk_1_2"), .binary("trace-bin", [1, 2])]
    )
    let message = ByteBuffer(repeating: 0x61, count: 300)
    let frames: [Frame] = [
      .preface(Preface(capabilities: .acceptsZlib)),
      .headers(streamID: 1, headers, endStream: false),
      .message(streamID: 1, .data(ByteBuffer(string: "order"))),
      .message(streamID: 1, .data((try? MessageCompression.compress(message)) ?? message, compressed: true)),
      .message(streamID: 1, .endOfStream),
      .headers(streamID: 3, headers, endStream: true),
      .headers(streamID: 5, headers, endStream: false),
      .cancel(streamID: 5, code: 1),
      .ping(data: 42, ack: false),
      .goAway(GoAway(lastStreamID: 0, code: .noError, message: "bye")),
    ]
    for frame in frames { FrameEncoder.encode(frame, into: &bytes) }
    return Array(bytes.readableBytesView)
  }

  static func bytes(fromHex hex: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return bytes
  }
}
