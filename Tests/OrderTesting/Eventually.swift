/// Polls `condition` until it holds or `timeout` passes; returns whether it held. For waiting
/// on events in tests without ordering them by sleeps: the deadline is generous, the poll
/// short.
public func eventually(
  timeout: Duration = .seconds(30), every interval: Duration = .milliseconds(20),
  _ condition: () async throws -> Bool
) async rethrows -> Bool {
  let deadline = ContinuousClock.now.advanced(by: timeout)
  while ContinuousClock.now < deadline {
    if try await condition() { return true }
    // A cancelled task stops polling (a sleep that throws at once would spin).
    do { try await Task.sleep(for: interval) } catch { break }
  }
  return try await condition()
}
