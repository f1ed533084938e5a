import GRPCCore
import Logging
import OrderTransport
import ServiceLifecycle

/// orderd as a swift-service-lifecycle `Service`: serves the API over the plain-TCP
/// transport until a shutdown signal, then stops accepting, sends GOAWAY, lets in-flight
/// calls finish within the grace period and closes the databases.
public final class OrderdServer: Service {
  public let application: OrderdApplication
  private let transport: OrderTransport.Server
  private let configuration: OrderdConfiguration
  private let logger: Logger

  public init(configuration: OrderdConfiguration, application: OrderdApplication, logger: Logger) {
    self.configuration = configuration
    self.application = application
    self.logger = logger
    self.transport = OrderTransport.Server(
      address: .ipv4(host: configuration.host, port: configuration.port), config: configuration.transport)
  }

  /// The bound address once listening (useful with port 0).
  public var listeningAddress: OrderTransport.Address {
    get async throws { try await self.transport.listeningAddress }
  }

  public func run() async throws {
    let server = GRPCServer(
      transport: self.transport, services: self.application.services, interceptors: self.application.interceptors)
    let grace = self.configuration.shutdownGracePeriod
    let logger = self.logger
    let transport = self.transport
    do {
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { serving in
              serving.addTask {
                try await server.serve()
                throw ServerStopped()
              }
              let application = self.application
              // Background work runs while the server serves, and stops with it.
              serving.addTask { try await application.runBackgroundWork() }
              serving.addTask {
                let address = try await transport.listeningAddress
                logger.notice("orderd listening", metadata: ["address": "\(address)"])
              }
              // The server returns once drained after a shutdown signal: stop the rest.
              do {
                while try await serving.next() != nil {}
              } catch is ServerStopped {
                serving.cancelAll()
              }
            }
          } onGracefulShutdown: {
            logger.notice("shutting down: no new calls, finishing in-flight calls", metadata: ["grace": "\(grace)"])
            server.beginGracefulShutdown()
            self.application.beginShutdown()
          }
        }
        group.addTask {
          try await gracefulShutdown()
          try await Task.sleep(for: grace)
          logger.warning("grace period over: cancelling the calls still running")
        }
        // Whichever ends first: the server after a clean drain, or the grace period.
        defer { group.cancelAll() }
        try await group.next()
      }
    } catch {
      try? await self.application.close()
      throw error
    }
    // The databases close cleanly however serving ended.
    try await self.application.close()
  }
}

/// Thrown when the GRPC server has drained and returned, to stop its companions.
private struct ServerStopped: Error {}
