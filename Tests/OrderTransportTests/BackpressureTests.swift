import NIOCore
import Testing

@testable import OrderTransport

@Suite("Backpressure primitives", .timeLimit(.minutes(5)))
struct BackpressureTests {
  @Test("a stream inbox suspends its producer past capacity until the consumer reads")
  func inboxBound() async throws {
    let inbox = StreamInbox<Int>(capacity: 10)
    await inbox.send(1, size: 6)
    let producer = Task {
      await inbox.send(2, size: 6)  // 12 > 10 buffered: suspends after buffering
      return true
    }
    try await Task.sleep(for: .milliseconds(50))
    #expect(try await inbox.next() == 1)
    #expect(await producer.value)
    #expect(try await inbox.next() == 2)
    inbox.finish()
    #expect(try await inbox.next() == nil)
  }

  @Test("a stream inbox delivers its error once, after the buffered elements")
  func inboxError() async throws {
    struct Boom: Error {}
    let inbox = StreamInbox<Int>(capacity: 10)
    await inbox.send(1, size: 1)
    inbox.finish(throwing: Boom())
    #expect(try await inbox.next() == 1)
    await #expect(throws: Boom.self) { try await inbox.next() }
    #expect(try await inbox.next() == nil)
  }

  @Test("closing an inbox releases a blocked producer")
  func inboxClose() async {
    let inbox = StreamInbox<Int>(capacity: 1)
    let producer = Task { _ = await inbox.send(1, size: 100) }
    try? await Task.sleep(for: .milliseconds(20))
    inbox.close()
    await producer.value
  }

  @Test("a waiting consumer returns nil when its task is cancelled")
  func inboxCancellation() async throws {
    let inbox = StreamInbox<Int>(capacity: 10)
    let consumer = Task { try await inbox.next() }
    try await Task.sleep(for: .milliseconds(20))
    consumer.cancel()
    #expect(try await consumer.value == nil)
  }

  @Test("the outbound queue makes writers wait past its watermark and batches frames")
  func outboundQueue() async throws {
    let queue = OutboundQueue(highWatermark: 8)
    _ = try await queue.enqueue { $0.writeBytes([1, 2, 3, 4, 5, 6, 7, 8]) }
    let writer = Task {
      _ = try await queue.enqueue { $0.writeBytes([9]) }  // over the watermark: waits
    }
    try await Task.sleep(for: .milliseconds(50))
    let first = await queue.nextBatch()
    #expect(first?.readableBytes == 8)
    try await writer.value
    try queue.enqueueNow { $0.writeInteger(UInt8(10)) }
    let second = await queue.nextBatch() ?? ByteBuffer()
    let secondBytes = Array(second.readableBytesView)
    #expect(secondBytes == [9, 10])
    queue.finish()
    #expect(await queue.nextBatch() == nil)
  }
}
