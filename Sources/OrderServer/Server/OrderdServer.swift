import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import OrderTLS
import OrderTransport
import ServiceLifecycle

/// The orderd API as a swift-service-lifecycle `Service`: serves over orderd's own protocol
/// and, with a gRPC port, over standard gRPC on HTTP/2 as well (the same services, the same
/// interceptors), optionally both over TLS, until a graceful shutdown. Then health checks
/// turn to NOT_SERVING, both listeners stop accepting, clients get GOAWAY, live watches end
/// and in-flight calls finish. The `ServiceGroup` bounds how long that may take (the grace
/// period) and cancels what is still running after it.
///
/// Compose it with ``OrderdApplication/backgroundWork`` in one group (see ``OrderdServices``).
public final class OrderdServer: Service {
  public let application: OrderdApplication
  private let transport: WireTransport.Server
  private let http2: HTTP2ServerTransport.Posix?
  private let tls: Bool
  private let logger: Logger

  /// Throws ``TLSSetupError`` when the TLS files cannot be read or do not fit together.
  public init(configuration: OrderdConfiguration, application: OrderdApplication, logger: Logger) throws {
    self.application = application
    self.logger = logger
    var transportConfig = configuration.transport
    transportConfig.logger = Logger(label: "orderd.transport")
    transportConfig.metrics = application.metrics.transport
    // Reading the files here also checks them for the HTTP/2 listener, which reads them again.
    transportConfig.connectionLayer = try configuration.tls?.wireLayer()
    self.tls = configuration.tls != nil
    self.transport = WireTransport.Server(
      address: .ipv4(host: configuration.host, port: configuration.port), config: transportConfig)
    self.http2 = configuration.grpcPort.map { port in
      HTTP2Listener.transport(
        host: configuration.host, port: port, tls: configuration.tls, wire: configuration.transport)
    }
  }

  /// The bound address of orderd's own protocol once listening (useful with port 0).
  public var listeningAddress: WireTransport.Address {
    get async throws { try await self.transport.listeningAddress }
  }

  public func run() async throws {
    let application = self.application
    let wire = GRPCServer(
      transport: self.transport, services: application.services, interceptors: application.interceptors)
    let http2 = self.http2.map {
      GRPCServer(transport: $0, services: application.services, interceptors: application.interceptors)
    }
    let logger = self.logger
    let transport = self.transport
    let http2Transport = self.http2
    let tls = self.tls ? "on" : "off"
    try await withGracefulShutdownHandler {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          let address = try await transport.listeningAddress
          logger.notice("orderd listening", metadata: ["address": "\(address)", "tls": "\(tls)"])
        }
        if let http2Transport {
          group.addTask {
            let address = try await HTTP2Listener.address(of: http2Transport)
            logger.notice("orderd grpc-http2 listening", metadata: ["address": "\(address)", "tls": "\(tls)"])
          }
        }
        group.addTask { try await wire.serve() }
        if let http2 { group.addTask { try await http2.serve() } }
        // Both listeners return after a graceful shutdown; one that fails ends the other.
        while try await group.next() != nil {}
      }
    } onGracefulShutdown: {
      logger.notice("shutting down: health NOT_SERVING, no new calls, finishing in-flight calls")
      application.health.drain()
      wire.beginGracefulShutdown()
      http2?.beginGracefulShutdown()
      application.beginShutdown()
    }
  }
}
