import GRPCCore
import Logging
import NIOCore
import OrderWire
import Synchronization

/// The timers of one server connection, all on its event loop. Each is one scheduled task
/// that re-arms itself from timestamps the connection keeps anyway, so busy connections
/// cost no timer churn and idle ones wake once per timeout. Time is the event loop's `now`,
/// so a test drives the timers with `NIOAsyncTestingEventLoop.advanceTime(by:)`.
struct ConnectionTimerState {
  var deadlines = DeadlineSchedule()
  var deadlineTask: Scheduled<Void>?
  var prefaceTask: Scheduled<Void>?
  var idleTask: Scheduled<Void>?
  var keepaliveTask: Scheduled<Void>?
  /// When the keepalive PING went out; nil when none is outstanding.
  var pingSentAt: NIODeadline?
  var isStopped = false

  mutating func cancelAll() {
    self.isStopped = true
    for task in [self.deadlineTask, self.prefaceTask, self.idleTask, self.keepaliveTask] { task?.cancel() }
    self.deadlineTask = nil
    self.prefaceTask = nil
    self.idleTask = nil
    self.keepaliveTask = nil
  }
}

extension ServerConnection {
  private var management: WireTransport.ConnectionManagement { self.config.connections }
  private var eventLoop: any EventLoop { self.channel.eventLoop }

  func startTimers() {
    let now = self.eventLoop.now
    let management = self.management
    self.timers.withLock { timers in
      timers.prefaceTask = self.schedule(at: now + TimeAmount(management.prefaceTimeout)) { $0.prefaceTimerFired() }
      timers.idleTask = self.schedule(at: now + TimeAmount(management.idleTimeout)) { $0.idleTimerFired() }
      timers.keepaliveTask = self.schedule(at: now + TimeAmount(management.keepaliveInterval)) {
        $0.keepaliveTimerFired()
      }
    }
  }

  func stopTimers() {
    self.timers.withLock { $0.cancelAll() }
  }

  /// Ends the call `id` with DEADLINE_EXCEEDED once `timeout` has passed, whether or not its
  /// request has finished.
  func scheduleDeadline(for id: UInt32, in timeout: TimeAmount) {
    let deadline = self.eventLoop.now + timeout
    self.timers.withLock { timers in
      guard !timers.isStopped, let armAt = timers.deadlines.add(id, deadline: deadline) else { return }
      timers.deadlineTask?.cancel()
      timers.deadlineTask = self.schedule(at: armAt) { $0.deadlineTimerFired() }
    }
  }

  func forgetDeadline(of id: UInt32) {
    self.timers.withLock { $0.deadlines.remove(id) }
  }

  private func schedule(at deadline: NIODeadline, _ body: @escaping @Sendable (ServerConnection) -> Void)
    -> Scheduled<Void>
  {
    self.eventLoop.scheduleTask(deadline: deadline) { [weak self] in
      if let self { body(self) }
    }
  }

  private func deadlineTimerFired() {
    let expired = self.timers.withLock { timers -> [UInt32] in
      guard !timers.isStopped else { return [] }
      let (expired, next) = timers.deadlines.expire(now: self.eventLoop.now)
      timers.deadlineTask = next.map { at in self.schedule(at: at) { $0.deadlineTimerFired() } }
      return expired
    }
    for id in expired {
      guard case .open(let stream) = self.state.withLock({ $0.lookup(id) }) else { continue }
      self.reset(stream, RPCError(code: .deadlineExceeded, message: "the call's deadline passed before it finished"))
    }
  }

  private func prefaceTimerFired() {
    self.timers.withLock { $0.prefaceTask = nil }
    guard !self.prefaceReceived.load(ordering: .relaxed) else { return }
    self.fail(
      with: .protocolError(
        "no connection preface within \(self.management.prefaceTimeout): a client sends the 12-byte preface "
          + "'ORDW' first"))
  }

  private func idleTimerFired() {
    let timeout = TimeAmount(self.management.idleTimeout)
    let now = self.eventLoop.now
    let (idle, since) = self.state.withLock { ($0.isIdle(for: timeout, now: now), $0.idleSince) }
    if idle {
      self.config.logger.debug("closing the idle connection from \(self.remotePeer)")
      self.beginGracefulShutdown(reason: "the connection had no call for \(self.management.idleTimeout)")
      return
    }
    self.timers.withLock { timers in
      guard !timers.isStopped else { return }
      timers.idleTask = self.schedule(at: (since ?? now) + timeout) { $0.idleTimerFired() }
    }
  }

  private func keepaliveTimerFired() {
    let interval = TimeAmount(self.management.keepaliveInterval)
    let now = self.eventLoop.now
    let lastFrame = NIODeadline.uptimeNanoseconds(self.lastFrameAt.load(ordering: .relaxed))
    let sendPing = self.timers.withLock { timers -> Bool in
      guard !timers.isStopped else { return false }
      if now - lastFrame < interval {
        timers.keepaliveTask = self.schedule(at: lastFrame + interval) { $0.keepaliveTimerFired() }
        return false
      }
      timers.pingSentAt = now
      timers.keepaliveTask = self.schedule(at: now + TimeAmount(self.management.keepaliveTimeout)) {
        $0.keepaliveAnswerDue()
      }
      return true
    }
    if sendPing { self.sendControl(.ping(data: Self.keepalivePayload, ack: false)) }
  }

  /// The keepalive PING's answer is due: any frame since it went out proves the peer alive.
  private func keepaliveAnswerDue() {
    let lastFrame = NIODeadline.uptimeNanoseconds(self.lastFrameAt.load(ordering: .relaxed))
    let alive = self.timers.withLock { timers -> Bool in
      guard !timers.isStopped, let sentAt = timers.pingSentAt else { return true }
      timers.pingSentAt = nil
      guard lastFrame >= sentAt else { return false }
      timers.keepaliveTask = self.schedule(at: lastFrame + TimeAmount(self.management.keepaliveInterval)) {
        $0.keepaliveTimerFired()
      }
      return true
    }
    guard !alive else { return }
    self.config.logger.debug(
      "closing the connection from \(self.remotePeer): no frame within \(self.management.keepaliveTimeout) of a PING")
    self.connectionLost("the peer did not answer a keepalive PING within \(self.management.keepaliveTimeout)")
    self.channel.close(promise: nil)
  }

  /// "keepaliv": the 8 bytes of the server's keepalive PINGs.
  static let keepalivePayload: UInt64 = 0x6B65_6570_616C_6976
}

extension TimeAmount {
  /// The duration in nanoseconds, saturating at the range of `Int64`.
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    self = .nanoseconds(overflow ? (seconds < 0 ? .min : .max) : nanoseconds &+ attoseconds / 1_000_000_000)
  }
}
