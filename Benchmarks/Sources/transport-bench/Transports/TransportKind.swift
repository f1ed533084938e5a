import ArgumentParser
import BenchSupport

/// The transports compared, by the names the command line uses.
enum TransportKind: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// orderd's own transport: OrderWire frames over TCP (`OrderTransport`).
  case ours
  /// grpc-swift-nio-transport's HTTP/2 transport, plaintext, on NIOPosix.
  case http2
  /// GRPCCore's in-process transport: no socket, no framing; the floor for GRPCCore itself.
  case inprocess

  /// Whether the transport uses a socket, so it can serve another process.
  var isNetworked: Bool { self != .inprocess }

  /// The port this kind uses when serving from a base port: ours on the base, HTTP/2 on the next.
  func port(fromBase base: Int) -> Int {
    self == .http2 ? base + 1 : base
  }
}
