import OrderWire
import Testing

@testable import OrderTransport

@Suite("Server connection state", .timeLimit(.minutes(5)))
struct ServerConnectionStateTests {
  typealias State = ServerConnectionState<String>

  @Test("client streams must have odd, increasing ids")
  func idRules() {
    var state = State(maxConcurrentStreams: 10)
    guard case .opened = state.open(1, "a") else { Issue.record("1 refused"); return }
    guard case .violation(let even) = state.open(4, "b") else { Issue.record("even id accepted"); return }
    #expect(even.code == .protocolError)
    guard case .opened = state.open(5, "c") else { Issue.record("5 refused"); return }
    guard case .violation(let reused) = state.open(3, "d") else { Issue.record("lower id accepted"); return }
    #expect(reused.code == .protocolError)
  }

  @Test("frames for ended streams are ignored, for never-opened streams are violations")
  func lookup() {
    var state = State(maxConcurrentStreams: 10)
    _ = state.open(3, "a")
    _ = state.close(3)
    guard case .closed = state.lookup(1) else { Issue.record("skipped id 1 should count as closed"); return }
    guard case .closed = state.lookup(3) else { Issue.record("3 should be closed"); return }
    guard case .idle = state.lookup(5) else { Issue.record("5 should be idle"); return }
  }

  @Test("a stream past the concurrency limit is refused, not a violation")
  func concurrencyLimit() {
    var state = State(maxConcurrentStreams: 2)
    _ = state.open(1, "a")
    _ = state.open(3, "b")
    guard case .refused(let reason) = state.open(5, "c") else { Issue.record("not refused"); return }
    #expect(reason.contains("limit 2"))
    _ = state.close(1)
    guard case .opened = state.open(7, "d") else { Issue.record("not opened after a slot freed"); return }
  }

  @Test("draining announces the highest id, refuses newer streams, closes when the last ends")
  func draining() {
    var state = State(maxConcurrentStreams: 10)
    _ = state.open(1, "a")
    _ = state.open(3, "b")
    let drain = state.beginDraining()
    #expect(drain?.lastStreamID == 3)
    #expect(drain?.closeNow == false)
    #expect(state.beginDraining() == nil)
    guard case .refused = state.open(5, "c") else { Issue.record("stream above last id accepted"); return }
    #expect(state.close(1) == false)
    #expect(state.close(3) == true)
  }

  @Test("draining an idle connection closes it at once")
  func drainingIdle() {
    var state = State(maxConcurrentStreams: 10)
    #expect(state.beginDraining()?.closeNow == true)
  }

  @Test("shutting down hands back every open stream")
  func shutDown() {
    var state = State(maxConcurrentStreams: 10)
    _ = state.open(1, "a")
    _ = state.open(3, "b")
    #expect(Set(state.shutDown()) == ["a", "b"])
    #expect(state.state == .closed)
  }
}
