import Foundation
import OrderTesting
import WireTesting

extension ServerProcess {
  /// Starts orderd on a port below the ephemeral range (see `TestPorts`), so that it can be
  /// killed and restarted on the same port; tries other ports if one turns out taken.
  public static func startRestartable(
    dataDirectory: URL, clock: String = "simulated:2027-01-01T00:00:00Z"
  ) async throws -> (server: ServerProcess, port: Int) {
    var lastError: (any Error)?
    for _ in 0..<5 {
      let port = TestPorts.restartable()
      do {
        return (try await ServerProcess.start(dataDirectory: dataDirectory, clock: clock, port: port), port)
      } catch {
        lastError = error
      }
    }
    throw lastError!
  }
}
