import GRPCCore
import Logging
import OrderTransport
import ServiceLifecycle

/// The orderd API as a swift-service-lifecycle `Service`: serves over the plain-TCP transport
/// until a graceful shutdown, then stops accepting, sends GOAWAY, ends live watches and lets
/// in-flight calls finish. The `ServiceGroup` bounds how long that may take (the grace
/// period) and cancels what is still running after it.
///
/// Compose it with ``OrderdApplication/backgroundWork`` in one group (see ``OrderdServices``).
public final class OrderdServer: Service {
  public let application: OrderdApplication
  private let transport: WireTransport.Server
  private let logger: Logger

  public init(configuration: OrderdConfiguration, application: OrderdApplication, logger: Logger) {
    self.application = application
    self.logger = logger
    var transportConfig = configuration.transport
    transportConfig.logger = Logger(label: "orderd.transport")
    transportConfig.metrics = application.metrics.transport
    self.transport = WireTransport.Server(
      address: .ipv4(host: configuration.host, port: configuration.port), config: transportConfig)
  }

  /// The bound address once listening (useful with port 0).
  public var listeningAddress: WireTransport.Address {
    get async throws { try await self.transport.listeningAddress }
  }

  public func run() async throws {
    let server = GRPCServer(
      transport: self.transport, services: self.application.services, interceptors: self.application.interceptors)
    let application = self.application
    let logger = self.logger
    let transport = self.transport
    try await withGracefulShutdownHandler {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          let address = try await transport.listeningAddress
          logger.notice("orderd listening", metadata: ["address": "\(address)"])
        }
        try await server.serve()
        group.cancelAll()
      }
    } onGracefulShutdown: {
      logger.notice("shutting down: no new calls, finishing in-flight calls")
      server.beginGracefulShutdown()
      application.beginShutdown()
    }
  }
}
