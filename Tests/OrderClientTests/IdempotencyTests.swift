import GRPCCore
import OrderClient
import OrderProtocol
import Testing

@Suite("Idempotency keys", .timeLimit(.minutes(5)))
struct IdempotencyTests {
  @Test("A PlaceOrder retried after a lost answer reuses its key and makes one order")
  func placeOrderRetryMakesOneOrder() async throws {
    let service = AnswerLosingOrderService()
    var request = Orders_V1_PlaceOrderRequest()
    request.accountID = "acc-1"
    let order = try await withInProcessClient(serving: [service]) { client in
      try await client.placeOrder(request)
    }
    let state = service.snapshot
    #expect(order.number == "SO-1")
    #expect(state.ordersCreated == 1)
    #expect(state.attempts.count == 2)
    let keys = Set(state.attempts.map(\.idempotencyKey))
    #expect(keys.count == 1)
    #expect(keys.first??.isEmpty == false)
  }

  @Test("Every attempt of one mutating call carries the same key")
  func keyIsStableAcrossAttempts() async throws {
    let service = FlakyClockService(failures: 3)
    _ = try await withInProcessClient(serving: [service]) { client in
      try await client.advanceClock(Orders_V1_AdvanceClockRequest())
    }
    let attempts = service.seen
    #expect(attempts.count == 4)
    #expect(Set(attempts.map(\.idempotencyKey)).count == 1)
    #expect(attempts.allSatisfy { $0.idempotencyKey != nil })
  }

  @Test("Two logical calls get two keys")
  func logicalCallsGetDistinctKeys() async throws {
    let service = FlakyClockService()
    try await withInProcessClient(serving: [service]) { client in
      _ = try await client.advanceClock(Orders_V1_AdvanceClockRequest())
      _ = try await client.advanceClock(Orders_V1_AdvanceClockRequest())
    }
    let keys = service.seen.compactMap(\.idempotencyKey)
    #expect(keys.count == 2)
    #expect(keys[0] != keys[1])
  }

  @Test("A caller-chosen key is sent as given")
  func callerChosenKey() async throws {
    let service = FlakyClockService()
    let key = try #require(IdempotencyKey("advance-2027-02"))
    _ = try await withInProcessClient(serving: [service]) { client in
      try await client.advanceClock(Orders_V1_AdvanceClockRequest(), idempotencyKey: key)
    }
    #expect(service.seen.map(\.idempotencyKey) == ["advance-2027-02"])
  }

  @Test("Reads carry the API key and no idempotency key")
  func readsHaveNoKey() async throws {
    let service = FlakyClockService()
    _ = try await withInProcessClient(serving: [service]) { client in
      try await client.getClock()
    }
    let attempts = service.seen
    #expect(attempts == [SeenAttempt(idempotencyKey: nil, authorization: "Bearer test-key")])
  }

  @Test("Keys the server would refuse are rejected up front")
  func keyLimits() {
    #expect(IdempotencyKey("") == nil)
    #expect(IdempotencyKey(String(repeating: "k", count: MetadataKeys.maxIdempotencyKeyLength + 1)) == nil)
    #expect(IdempotencyKey.random().description.count == 32)
  }
}

extension SeenAttempt {
  init(idempotencyKey: String?, authorization: String?) {
    self.init([:])
    self.idempotencyKey = idempotencyKey
    self.authorization = authorization
  }
}
