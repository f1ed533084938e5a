import Testing

@testable import OrderTransport

@Suite("Client connection state", .timeLimit(.minutes(5)))
struct ClientConnectionStateTests {
  typealias State = ClientConnectionState<String>

  @Test("streams get odd, increasing ids when they send HEADERS")
  func ids() {
    var state = State()
    #expect(state.reserve() == true)
    #expect(state.reserve() == true)
    #expect(state.assignID("a") == .assigned(1))
    #expect(state.assignID("b") == .assigned(3))
    #expect(state.stream(3) == "b")
  }

  @Test("GOAWAY refuses the streams above the last id and stops new ones")
  func goAway() {
    var state = State()
    for name in ["a", "b", "c"] {
      _ = state.reserve()
      _ = state.assignID(name)
    }
    let (refused, closeNow) = state.receivedGoAway(lastStreamID: 3)
    #expect(refused == ["c"])
    #expect(closeNow == false)
    #expect(state.isUsable == false)
    #expect(state.reserve() == false)
    #expect(state.release(id: 1) == false)
    #expect(state.release(id: 3) == true)
  }

  @Test("a stream reserved before GOAWAY cannot get an id afterwards")
  func reservedThenGoAway() {
    var state = State()
    _ = state.reserve()
    _ = state.receivedGoAway(lastStreamID: 0)
    #expect(state.assignID("late") == .notActive)
    #expect(state.release(id: nil) == true)
  }

  @Test("past the server's limit streams wait for a slot, freed by the end of a response")
  func slots() {
    var state = State()
    state.peerMaxConcurrentStreams = 1
    _ = state.reserve()
    _ = state.reserve()
    #expect(state.assignID("a") == .assigned(1))
    #expect(state.assignID("b") == .full)
    #expect(state.freeSlot(1) == true)
    #expect(state.freeSlot(1) == false)
    #expect(state.assignID("b") == .assigned(3))
    #expect(state.release(id: 3) == false)
    #expect(state.hasFreeSlot)
  }

  @Test("closing for shutdown waits for open streams")
  func beginClosing() {
    var state = State()
    _ = state.reserve()
    _ = state.assignID("a")
    #expect(state.beginClosing() == false)
    #expect(state.release(id: 1) == true)
  }

  @Test("a lost connection hands back every open stream")
  func shutDown() {
    var state = State()
    _ = state.reserve()
    _ = state.assignID("a")
    #expect(state.shutDown() == ["a"])
    #expect(state.isUsable == false)
  }
}
