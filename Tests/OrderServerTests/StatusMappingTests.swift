import GRPCCore
import OrderDomain
import OrderStorage
import Testing

@testable import OrderServer

/// Issue 10: every domain and storage error maps to one RPC status in one place, and no error
/// reaches a caller as UNKNOWN.
@Suite("Errors mapped to RPC statuses", .timeLimit(.minutes(1)))
struct StatusMappingTests {
  static let codes: [(DomainError.Code, RPCError.Code)] = [
    (.invalidArgument, .invalidArgument), (.notFound, .notFound), (.alreadyExists, .alreadyExists),
    (.failedPrecondition, .failedPrecondition), (.permissionDenied, .permissionDenied),
    (.unauthenticated, .unauthenticated), (.resourceExhausted, .resourceExhausted), (.unavailable, .unavailable),
    (.dataLoss, .dataLoss), (.internalError, .internalError), (.unimplemented, .unimplemented),
    (.cancelled, .cancelled), (.deadlineExceeded, .deadlineExceeded),
  ]

  @Test("each domain error code maps to its RPC status", arguments: Self.codes)
  func domainCodes(code: DomainError.Code, expected: RPCError.Code) {
    let error = DomainError(code, "why")
    #expect(error.rpcErrorCode == expected)
    #expect(error.rpcErrorMessage == "why")
  }

  @Test("every domain error code is listed above")
  func allCodesListed() {
    #expect(Set(Self.codes.map(\.0)) == Set(DomainError.Code.allCases))
  }

  static let kinds: [(StorageFailure.Kind, RPCError.Code)] = [
    (.diskFull, .resourceExhausted), (.outOfMemory, .resourceExhausted), (.ioError, .unavailable),
    (.busy, .unavailable), (.interrupted, .unavailable), (.readOnly, .unavailable), (.inaccessible, .unavailable),
    (.damaged, .dataLoss), (.newerSchema, .failedPrecondition), (.unreachable, .unavailable),
  ]

  @Test("each storage failure maps to the status a caller can act on", arguments: Self.kinds)
  func storageKinds(kind: StorageFailure.Kind, expected: RPCError.Code) {
    let failure = StorageFailure(kind, in: .organization("1f0e7c1e-0000-4000-8000-000000000000"), detail: "SQLite said")
    #expect(failure.rpcErrorCode == expected)
    #expect(failure.rpcErrorMessage.contains("organization 1f0e7c1e-0000-4000-8000-000000000000"))
    #expect(failure.rpcErrorMessage.contains(kind.summary))
    #expect(failure.rpcErrorMessage.contains("SQLite said"))
  }

  @Test("every kind of storage failure is listed above")
  func allKindsListed() {
    #expect(Set(Self.kinds.map(\.0)) == Set(StorageFailure.Kind.allCases))
  }

  struct Unexpected: Error {}

  @Test("an error without a status reaches the caller as INTERNAL, never UNKNOWN")
  func noUnknown() {
    let answered = DomainError.answerable(Unexpected())
    #expect((answered as? RPCError)?.code == .internalError)
    #expect(DomainError.answerable(DomainError.notFound("x")) is DomainError)
    #expect(DomainError.answerable(RPCError(code: .aborted, message: "x")) is RPCError)
    #expect(DomainError.answerable(CancellationError()) is CancellationError)
  }
}
