extension WireTransport {
  /// When a server closes connections on its own: the timeouts and the cap that keep silent,
  /// dead or hostile peers from holding sockets (see PROTOCOL.md §8).
  public struct ConnectionManagement: Hashable, Sendable {
    /// How long a new connection may take to send its whole 12-byte preface. Past it the
    /// server sends GOAWAY PROTOCOL_ERROR and closes. Default 10 seconds.
    public var prefaceTimeout: Duration
    /// How long a connection may stay without an open call. Past it the server sends
    /// GOAWAY NO_ERROR and closes. Default 5 minutes.
    public var idleTimeout: Duration
    /// After this long without a frame from the peer, the server sends a PING. Default 1 minute.
    public var keepaliveInterval: Duration
    /// How long the server waits for any frame after its keepalive PING before it closes
    /// the connection as dead. Default 20 seconds.
    public var keepaliveTimeout: Duration
    /// Connections open at once; one more is answered with the server's preface and GOAWAY
    /// NO_ERROR ("too many connections") and closed. Default 1,024.
    public var maxConnections: Int

    public init(
      prefaceTimeout: Duration = .seconds(10),
      idleTimeout: Duration = .seconds(300),
      keepaliveInterval: Duration = .seconds(60),
      keepaliveTimeout: Duration = .seconds(20),
      maxConnections: Int = 1024
    ) {
      self.prefaceTimeout = prefaceTimeout
      self.idleTimeout = idleTimeout
      self.keepaliveInterval = keepaliveInterval
      self.keepaliveTimeout = keepaliveTimeout
      self.maxConnections = maxConnections
    }
  }
}
