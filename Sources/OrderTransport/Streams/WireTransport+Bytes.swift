public import GRPCCore
public import NIOCore

extension WireTransport {
  /// The message bytes the transport hands to gRPC: a `ByteBuffer`, so received messages
  /// are slices of the receive buffer rather than copies.
  public struct Bytes: GRPCContiguousBytes, Hashable, Sendable {
    public var buffer: ByteBuffer

    public init(_ buffer: ByteBuffer) {
      self.buffer = buffer
    }

    public init(repeating byte: UInt8, count: Int) {
      self.buffer = ByteBuffer(repeating: byte, count: count)
    }

    public init(_ sequence: some Sequence<UInt8>) {
      self.buffer = ByteBuffer(bytes: sequence)
    }

    public var count: Int { self.buffer.readableBytes }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
      try self.buffer.withUnsafeReadableBytes(body)
    }

    public mutating func withUnsafeMutableBytes<R>(
      _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
      try self.buffer.withUnsafeMutableReadableBytes(body)
    }
  }
}
