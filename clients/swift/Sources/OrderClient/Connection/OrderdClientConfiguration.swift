import OrderTLS

/// How an ``OrderdClient`` reaches orderd and makes its calls.
public struct OrderdClientConfiguration: Sendable {
  /// The server to connect to. With a caller-provided transport it is used in messages only.
  public var server: ServerAddress
  /// The API key sent as `authorization: Bearer <key>` with every call (T3).
  public var apiKey: String
  /// The time a logical call may take, retries included, unless the call says otherwise.
  public var defaultTimeout: Duration
  /// How calls are retried when the server is unreachable.
  public var retry: CallRetryPolicy
  /// TLS to a server started with `--tls-cert`: the CA to trust (the system's when its
  /// `caPath` is nil) and a client certificate for servers that require one. nil: plain TCP.
  public var tls: ClientTLSFiles?

  public init(
    server: ServerAddress = .localDefault,
    apiKey: String,
    defaultTimeout: Duration = .seconds(10),
    retry: CallRetryPolicy = CallRetryPolicy(),
    tls: ClientTLSFiles? = nil
  ) {
    self.server = server
    self.apiKey = apiKey
    self.defaultTimeout = defaultTimeout
    self.retry = retry
    self.tls = tls
  }
}
