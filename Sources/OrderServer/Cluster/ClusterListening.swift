import ServiceLifecycle

/// Listening to the other nodes (``ClusterSignals``) as a long-lived `Service`, composed beside
/// the server and the background work; it stops when the group shuts down.
public struct ClusterListening: Service {
  let signals: any ClusterSignals
  let reactions: ClusterReactions

  public func run() async throws {
    let reactions = self.reactions
    await cancelWhenGracefulShutdown {
      await self.signals.listen { signal in reactions.receive(signal) }
    }
  }
}
