import Foundation
import OrderTLS
import OrderTransport

/// How `orderd` runs. Every field has the embedded default, so `OrderdConfiguration()` is a
/// working server on 127.0.0.1:7411 with its data in `./data`.
public struct OrderdConfiguration: Sendable {
  /// The default TCP port of orderd.
  public static let defaultPort = 7411

  /// The folder holding `registry.sqlite`, `orgs/*.sqlite` and `root-admin.key`.
  public var dataDirectory: String
  public var host: String
  /// 0 binds any free port (tests); see ``OrderdServer/listeningAddress``.
  public var port: Int
  public var clock: ServerClock.Mode
  /// How many organization databases stay open at once (least recently used closed first).
  public var openDatabaseLimit: Int
  /// How long in-flight calls may run after a shutdown signal before they are cancelled.
  public var shutdownGracePeriod: Duration
  public var transport: WireTransport.ServerConfig
  /// Where standard gRPC over HTTP/2 listens beside orderd's own protocol (on `host`); nil
  /// for none, 0 for any free port (tests).
  public var grpcPort: Int?
  /// TLS on both listeners; nil for plain TCP.
  public var tls: ServerTLSFiles?

  public init(
    dataDirectory: String = "./data",
    host: String = "127.0.0.1",
    port: Int = OrderdConfiguration.defaultPort,
    clock: ServerClock.Mode = .system,
    openDatabaseLimit: Int = 256,
    shutdownGracePeriod: Duration = .seconds(10),
    transport: WireTransport.ServerConfig = .init(),
    grpcPort: Int? = nil,
    tls: ServerTLSFiles? = nil
  ) {
    self.dataDirectory = dataDirectory
    self.host = host
    self.port = port
    self.clock = clock
    self.openDatabaseLimit = openDatabaseLimit
    self.shutdownGracePeriod = shutdownGracePeriod
    self.transport = transport
    self.grpcPort = grpcPort
    self.tls = tls
  }
}
