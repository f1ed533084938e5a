/// Maps `items` with at most `limit` calls of `transform` in flight at once; the results keep
/// the items' order. The first error cancels the calls still running and is thrown.
public func concurrentMap<Item: Sendable, Result: Sendable>(
  _ items: [Item],
  limit: Int,
  _ transform: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
  try await withThrowingTaskGroup(of: (Int, Result).self) { group in
    var results = [Result?](repeating: nil, count: items.count)
    var next = 0
    func startNext() {
      guard next < items.count else { return }
      let index = next
      let item = items[index]
      group.addTask { (index, try await transform(item)) }
      next += 1
    }
    for _ in 0..<max(1, limit) { startNext() }
    while let (index, result) = try await group.next() {
      results[index] = result
      startNext()
    }
    return results.map { $0! }
  }
}
