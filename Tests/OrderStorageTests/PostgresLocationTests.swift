import NIOSSL
import Testing

@testable import OrderStorage

/// Issue 14: `--storage postgres://…` parsed, or refused saying why.
@Suite("PostgreSQL storage URLs", .timeLimit(.minutes(1)))
struct PostgresLocationTests {
  @Test("a full URL")
  func full() throws {
    let location = try PostgresLocation(
      parsing: "postgres://orderd:s%40cret@db.example:6543/orders?sslmode=require&pool=32", environment: [:])
    #expect(location.user == "orderd")
    #expect(location.password == "s@cret")
    #expect(location.host == "db.example")
    #expect(location.port == 6543)
    #expect(location.database == "orders")
    #expect(location.tls == .require)
    #expect(location.poolSize == 32)
    #expect(location.description == "postgres://orderd:***@db.example:6543/orders?sslmode=require&pool=32")
  }

  @Test("defaults: port 5432, sslmode prefer, pool 16, the password from PGPASSWORD")
  func defaults() throws {
    let location = try PostgresLocation(
      parsing: "postgresql://orderd@127.0.0.1/orders", environment: ["PGPASSWORD": "from-env"])
    #expect(location.port == 5432)
    #expect(location.tls == .prefer)
    #expect(location.poolSize == PostgresLocation.defaultPoolSize)
    #expect(location.password == "from-env")
    let disabled = try PostgresLocation(parsing: "postgres://orderd@[::1]:55432/postgres?sslmode=disable")
    #expect(disabled.host == "::1")
    #expect(disabled.tls == .disable)
  }

  static let invalid: [(String, String)] = [
    ("mysql://orderd@host/db", "scheme"),
    ("postgres://host:5432/db", "no user"),
    ("postgres://orderd@host:5432", "no database"),
    ("postgres://orderd@host:5432/", "no database"),
    ("postgres://orderd@host:5432/a/b", "no database"),
    ("postgres://orderd@host:0/db", "port"),
    ("postgres://orderd@host/db?sslmode=verify-ca", "sslmode"),
    ("postgres://orderd@host/db?pool=0", "pool"),
    ("postgres://orderd@host/db?pool=many", "pool"),
    ("postgres://orderd@host/db?poolsize=4", "unknown parameter 'poolsize'"),
    ("not a url at all", "postgres://"),
  ]

  @Test("sslmode as libpq: prefer and require encrypt without checking the certificate, verify-full checks it")
  func tlsModes() throws {
    let full = try PostgresLocation(
      parsing: "postgres://orderd@db.example/orders?sslmode=verify-full", environment: [:])
    #expect(full.tls == .verifyFull)
    #expect(full.description.contains("sslmode=verify-full"))
    #expect(PostgresLocation.TLSMode.verifyFull.clientConfiguration.certificateVerification == .fullVerification)
    for mode in [PostgresLocation.TLSMode.prefer, .require] {
      #expect(mode.clientConfiguration.certificateVerification == .none, "\(mode)")
    }
  }

  @Test("what is wrong with a URL is said, with the expected form, never the password", arguments: Self.invalid)
  func refused(url: String, reason: String) {
    #expect {
      try PostgresLocation(parsing: url, environment: [:])
    } throws: { error in
      let message = "\(error)"
      return message.contains(reason) && message.contains("expected postgres://USER")
    }
  }

  @Test("a refused URL's password is hidden")
  func hiddenPassword() {
    #expect {
      try PostgresLocation(parsing: "postgres://orderd:hunter2@host/db?pool=0", environment: [:])
    } throws: { error in
      !"\(error)".contains("hunter2") && "\(error)".contains("orderd:***@host")
    }
  }
}
