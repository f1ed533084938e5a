import Logging
import ServiceLifecycle
import UnixSignals

/// orderd's long-lived parts in one flat `ServiceGroup`: listening to other nodes, the
/// background work and the server.
/// On SIGTERM or SIGINT the group shuts them down in reverse order (background work first,
/// between two transactions; then the server drains its calls); whatever still runs when
/// the grace period is over is cancelled. The databases close once everything has stopped.
public enum OrderdServices {
  public static func run(
    _ application: OrderdApplication, server: OrderdServer, gracePeriod: Duration,
    signals: [UnixSignal] = [.sigterm, .sigint], logger: Logger
  ) async throws {
    var configuration = ServiceGroupConfiguration(
      services: [
        .init(service: application.clusterListening),
        .init(service: server),
        .init(service: application.backgroundWork),
      ],
      gracefulShutdownSignals: signals,
      logger: logger)
    configuration.maximumGracefulShutdownDuration = gracePeriod
    // A part that ignores cancellation for this long ends the process rather than hang it.
    configuration.maximumCancellationDuration = .seconds(10)
    let group = ServiceGroup(configuration: configuration)
    do {
      try await group.run()
    } catch {
      try? await application.close()
      throw error
    }
    try await application.close()
  }
}
