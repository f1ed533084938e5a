import NIOCore
import Testing

@testable import OrderTransport

@Suite("Deadline schedule, inbound ledger, control-frame allowance", .timeLimit(.minutes(1)))
struct ConnectionLimitsUnitTests {
  @Test("one timer per connection: re-armed only for an earlier deadline; expired calls come out in order")
  func deadlineSchedule() {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
    var schedule = DeadlineSchedule()
    #expect(schedule.add(1, deadline: start + .seconds(30)) == start + .seconds(30))
    // Same timeout, later calls: no re-arming.
    #expect(schedule.add(3, deadline: start + .seconds(31)) == nil)
    #expect(schedule.add(5, deadline: start + .seconds(32)) == nil)
    // A shorter timeout re-arms earlier.
    #expect(schedule.add(7, deadline: start + .seconds(5)) == start + .seconds(5))
    schedule.remove(3)
    #expect(schedule.count == 3)
    let first = schedule.expire(now: start + .seconds(6))
    #expect(first.expired == [7])
    #expect(first.next == start + .seconds(30))
    let second = schedule.expire(now: start + .seconds(40))
    #expect(second.expired == [1, 5])
    #expect(second.next == nil)
    #expect(schedule.add(9, deadline: start + .seconds(50)) == start + .seconds(50))
  }

  @Test("the ledger lets one message in when empty, waits for room, and gives up after the timeout")
  func ledger() async {
    let ledger = InboundLedger(budget: 100)
    #expect(await ledger.reserve(500, within: .seconds(1)))  // alone, over the budget: let in
    #expect(await ledger.reserve(1, within: .milliseconds(50)) == false)
    let waiter = Task { await ledger.reserve(60, within: .seconds(30)) }
    ledger.release(500)
    #expect(await waiter.value)
    #expect(ledger.heldBytes == 60)
    ledger.release(60)
    #expect(ledger.heldBytes == 0)
  }

  @Test("a stream's bytes stay counted until read and its request ended, and are all returned on close")
  func inboxAccounting() async throws {
    let ledger = InboundLedger(budget: 1 << 20)
    let inbox = StreamInbox<Int>(capacity: 1 << 20, ledger: ledger)
    for size in [100, 200] {
      #expect(await ledger.reserve(size, within: .seconds(1)))
      await inbox.send(size, size: size)
    }
    #expect(try await inbox.next() == 100)
    #expect(ledger.heldBytes == 300)  // read, but the request has not ended
    inbox.finish()
    #expect(ledger.heldBytes == 200)  // the unread message is still held
    #expect(try await inbox.next() == 200)
    #expect(ledger.heldBytes == 0)

    let abandoned = StreamInbox<Int>(capacity: 1 << 20, ledger: ledger)
    #expect(await ledger.reserve(300, within: .seconds(1)))
    await abandoned.send(300, size: 300)
    abandoned.close()
    #expect(ledger.heldBytes == 0)
  }

  @Test("a full inbox makes the sender wait at most the timeout")
  func inboxSendTimeout() async {
    let inbox = StreamInbox<Int>(capacity: 10)
    #expect(await inbox.send(1, size: 5, within: .milliseconds(50)))
    #expect(await inbox.send(2, size: 50, within: .milliseconds(50)) == false)
  }

  @Test("control frames may exceed the watermark only by the allowance: a peer that reads nothing is cut off")
  func controlAllowance() throws {
    let queue = OutboundQueue(highWatermark: 1000, controlAllowance: 500)
    try queue.enqueueNow { $0.writeRepeatingByte(0, count: 1400) }
    try queue.enqueueNow { $0.writeRepeatingByte(0, count: 101) }
    #expect(throws: PeerNotReading.self) { try queue.enqueueNow { $0.writeRepeatingByte(0, count: 1) } }
  }
}
