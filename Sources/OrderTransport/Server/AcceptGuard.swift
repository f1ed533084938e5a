import Logging
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Keeps the accept loop sane when the process runs out of file descriptors, and says so
/// once per episode (until a connection is accepted again).
///
/// NIO's `AcceptBackoffHandler`, further down the pipeline, pauses accepting for a second
/// after an error, but only once an accept has completed: when `accept` fails with EMFILE
/// the listening socket stays readable and the event loop spins on it. So this handler holds
/// one spare descriptor; on EMFILE it gives it up, the next accept succeeds, that connection
/// is closed at once (shed, as nginx and libuv do), the spare is taken back, and the backoff
/// takes over.
final class AcceptGuard: ChannelInboundHandler {
  typealias InboundIn = any Channel

  private let logger: Logger
  private var inEpisode = false
  private var spare: CInt = open("/dev/null", O_RDONLY)
  private var shedding = false

  init(logger: Logger) {
    self.logger = logger
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if self.spare < 0 { self.spare = open("/dev/null", O_RDONLY) }
    if self.shedding {
      self.shedding = self.spare < 0
      Self.unwrapInboundIn(data).close(promise: nil)
      return
    }
    if self.inEpisode {
      self.inEpisode = false
      self.logger.notice("accepting connections again")
    }
    context.fireChannelRead(data)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    let outOfDescriptors = (error as? IOError).map { $0.errnoCode == EMFILE || $0.errnoCode == ENFILE } ?? false
    if !self.inEpisode {
      self.inEpisode = true
      if outOfDescriptors {
        let advice = "raise the limit (ulimit -n) or lower --max-connections"
        self.logger.error(
          "cannot accept connections: out of file descriptors (\(error)); shedding new connections, retrying every second; \(advice)"
        )
      } else {
        self.logger.error("cannot accept a connection: \(error); retrying every second")
      }
    }
    if outOfDescriptors, self.spare >= 0 {
      close(self.spare)
      self.spare = -1
      self.shedding = true
    }
    context.fireErrorCaught(error)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    if self.spare >= 0 { close(self.spare) }
    self.spare = -1
  }
}
