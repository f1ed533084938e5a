import Logging
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Logs accept failures on the listening socket once per episode (until the next accepted
/// connection), e.g. EMFILE when the process is out of file descriptors. NIO's
/// `AcceptBackoffHandler`, further down the pipeline, pauses accepting for a second on such
/// errors, so the accept loop never spins.
final class AcceptErrorLogger: ChannelInboundHandler {
  typealias InboundIn = any Channel

  private let logger: Logger
  private var inEpisode = false

  init(logger: Logger) {
    self.logger = logger
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if self.inEpisode {
      self.inEpisode = false
      self.logger.notice("accepting connections again")
    }
    context.fireChannelRead(data)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if !self.inEpisode {
      self.inEpisode = true
      if let error = error as? IOError, error.errnoCode == EMFILE || error.errnoCode == ENFILE {
        let advice = "raise the limit (ulimit -n) or lower --max-connections"
        self.logger.error(
          "cannot accept connections: out of file descriptors (\(error)); retrying every second; \(advice)")
      } else {
        self.logger.error("cannot accept a connection: \(error); retrying every second")
      }
    }
    context.fireErrorCaught(error)
  }
}
