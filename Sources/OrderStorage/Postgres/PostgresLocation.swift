import Foundation

/// Where a PostgreSQL storage is (issue 14):
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full&pool=N]`.
///
/// The password may also come from `PGPASSWORD`, as with PostgreSQL's own tools. The port is
/// 5432 unless given; `sslmode` is `prefer` (as libpq's default); `pool` is the number of
/// connections of the node's pool, ``defaultPoolSize`` unless given.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
  /// Whether connections use TLS.
  /// As libpq's `sslmode`: `prefer` and `require` encrypt without checking whom they talk to
  /// (a server's self-signed certificate, as Debian's default one, is accepted);
  /// `verify-full` checks the certificate against the system's trusted authorities and the
  /// host name.
  public enum TLSMode: String, Sendable, Hashable, CaseIterable {
    /// Never.
    case disable
    /// When the server offers it, unverified.
    case prefer
    /// Always, unverified; a server without TLS is refused.
    case require
    /// Always, and the server's certificate must be trusted and name the host.
    case verifyFull = "verify-full"
  }

  public var user: String
  public var password: String?
  public var host: String
  public var port: Int
  public var database: String
  public var tls: TLSMode
  /// The most connections the node's pool opens.
  public var poolSize: Int

  public static let defaultPort = 5432
  public static let defaultPoolSize = 16
  /// The largest `pool` accepted: beyond this a node would exhaust any server's connections.
  public static let maximumPoolSize = 1000

  public init(
    user: String, password: String? = nil, host: String, port: Int = defaultPort, database: String,
    tls: TLSMode = .prefer, poolSize: Int = defaultPoolSize
  ) {
    self.user = user
    self.password = password
    self.host = host
    self.port = port
    self.database = database
    self.tls = tls
    self.poolSize = poolSize
  }

  /// Parses a `postgres://` URL.
  ///
  /// - Parameter environment: where `PGPASSWORD` is read when the URL has no password.
  /// - Throws: ``PostgresLocationError`` saying what is wrong and what is expected.
  public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(PostgresLocationError)
  {
    guard let components = URLComponents(string: text) else { throw .init(text, "it is not a URL") }
    guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
      throw .init(text, "the scheme must be postgres://")
    }
    guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
      throw .init(text, "it names no user (USER@HOST)")
    }
    guard var host = components.host, !host.isEmpty else { throw .init(text, "it names no host") }
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    let port = components.port ?? Self.defaultPort
    guard (1...65535).contains(port) else { throw .init(text, "the port must be 1 to 65535") }
    let encodedPath = components.percentEncodedPath
    let path = encodedPath.hasPrefix("/") ? String(encodedPath.dropFirst()) : encodedPath
    guard !path.isEmpty, !path.contains("/"), let database = path.removingPercentEncoding, !database.isEmpty else {
      throw .init(text, "it names no database (HOST:PORT/DATABASE)")
    }
    self.init(
      user: user, password: components.percentEncodedPassword?.removingPercentEncoding ?? environment["PGPASSWORD"],
      host: host, port: port, database: database)
    for item in components.queryItems ?? [] {
      try self.apply(item, in: text)
    }
  }

  private mutating func apply(_ item: URLQueryItem, in text: String) throws(PostgresLocationError) {
    switch item.name {
    case "sslmode":
      guard let value = item.value, let mode = TLSMode(rawValue: value) else {
        throw .init(text, "sslmode must be disable, prefer, require or verify-full")
      }
      self.tls = mode
    case "pool":
      guard let value = item.value, let size = Int(value), (1...Self.maximumPoolSize).contains(size) else {
        throw .init(text, "pool must be a number of connections from 1 to \(Self.maximumPoolSize)")
      }
      self.poolSize = size
    default:
      throw .init(text, "unknown parameter '\(item.name)' (known: sslmode, pool)")
    }
  }

  /// The same server and credentials, another database (tests, `orderd migrate`).
  public func with(database: String) -> PostgresLocation {
    var location = self
    location.database = database
    return location
  }

  /// The URL without its password, for logs and messages.
  public var description: String {
    let credentials = password == nil ? user : "\(user):***"
    let host = self.host.contains(":") ? "[\(self.host)]" : self.host
    return "postgres://\(credentials)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)&pool=\(poolSize)"
  }
}

/// A storage URL that cannot be used, and why.
public struct PostgresLocationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, e.g. `it names no database (HOST:PORT/DATABASE)`.
  public let reason: String
  /// The URL as given, its password hidden.
  public let url: String

  init(_ url: String, _ reason: String) {
    self.reason = reason
    self.url = Self.hidingPassword(url)
  }

  public var description: String {
    "invalid PostgreSQL URL '\(url)': \(reason); expected "
      + "postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require|verify-full&pool=N]"
  }

  /// `postgres://user:secret@host` as `postgres://user:***@host`.
  static func hidingPassword(_ url: String) -> String {
    guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].firstIndex(of: "@") else {
      return url
    }
    let credentials = url[schemeEnd.upperBound..<at]
    guard let colon = credentials.firstIndex(of: ":") else { return url }
    return String(url[..<colon]) + ":***" + String(url[at...])
  }
}
