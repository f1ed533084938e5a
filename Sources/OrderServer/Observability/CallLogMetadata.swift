public import Logging
import OrderDomain

/// What every log line written while a call runs carries: `requestID`, `method` and, once
/// the caller is authenticated, `org`. ``ObservabilityInterceptor`` sets it for the call's
/// task (its handler and its streaming body); ``provider`` reads it, so any logger of the
/// process adds it when `LoggingSystem` was bootstrapped with that provider (orderd does).
public enum CallLogMetadata {
  struct Call: Sendable {
    var requestID: String
    var method: String
  }

  @TaskLocal static var current: Call?

  /// swift-log's metadata provider for orderd's log handlers.
  public static let provider = Logger.MetadataProvider {
    guard let call = CallLogMetadata.current else { return [:] }
    var metadata: Logger.Metadata = ["requestID": "\(call.requestID)", "method": "\(call.method)"]
    if let organization = CallContext.current?.principal.organizationID {
      metadata["org"] = "\(organization)"
    }
    return metadata
  }
}
