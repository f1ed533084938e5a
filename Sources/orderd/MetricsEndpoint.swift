import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// `GET /metrics` in Prometheus' text exposition format, on its own port
/// (`--metrics-port`): a minimal HTTP/1.1 responder on SwiftNIO. Anything else is 404 (405
/// for another method on /metrics). Each scrape renders the registry afresh.
final class MetricsEndpoint: Sendable {
  private let channel: any Channel

  private init(channel: any Channel) {
    self.channel = channel
  }

  /// Binds `host:port` (0 picks a free port) and serves until ``close()``.
  static func start(host: String, port: Int, registry: PrometheusCollectorRegistry) async throws -> MetricsEndpoint {
    let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 64)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(registry: registry))
        }
      }
    let channel = try await bootstrap.bind(host: host, port: port).get()
    return MetricsEndpoint(channel: channel)
  }

  /// The bound address, e.g. `127.0.0.1:9464`.
  var address: String {
    guard let address = self.channel.localAddress else { return "?" }
    return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
  }

  func close() async {
    try? await self.channel.close()
  }
}

/// Answers each HTTP/1.1 request on one connection.
private final class MetricsHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let registry: PrometheusCollectorRegistry
  private var request: HTTPRequestHead?

  init(registry: PrometheusCollectorRegistry) {
    self.registry = registry
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch self.unwrapInboundIn(data) {
    case .head(let head):
      self.request = head
    case .body:
      break
    case .end:
      guard let head = self.request else { return }
      self.request = nil
      self.respond(to: head, context: context)
    }
  }

  private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
    let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
    let status: HTTPResponseStatus
    var body: [UInt8]
    var headers = HTTPHeaders()
    if path != "/metrics" {
      (status, body) = (.notFound, Array("not found: the metrics are at GET /metrics\n".utf8))
      headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
    } else if head.method != .GET && head.method != .HEAD {
      (status, body) = (.methodNotAllowed, Array("only GET /metrics\n".utf8))
      headers.add(name: "Allow", value: "GET, HEAD")
      headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
    } else {
      status = .ok
      body = self.registry.emitToBuffer()
      headers.add(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
    }
    headers.add(name: "Content-Length", value: "\(body.count)")
    if head.method == .HEAD { body = [] }
    let keepAlive = head.isKeepAlive
    headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
    let response = HTTPResponseHead(version: head.version, status: status, headers: headers)
    context.write(self.wrapOutboundOut(.head(response)), promise: nil)
    if !body.isEmpty {
      context.write(
        self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
    }
    let done = context.eventLoop.makePromise(of: Void.self)
    context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: done)
    if !keepAlive {
      let channel = context.channel
      done.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
  }
}
