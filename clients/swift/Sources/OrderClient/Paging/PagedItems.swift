/// The items of a paged list call across all its pages, each page fetched when the one
/// before is used up (see ``OrderdClient/items(of:_:)``).
public struct PagedItems<Request: PagedListRequest, Response: PagedListResponse>: AsyncSequence, Sendable {
  public typealias Element = Response.Item

  let first: Request
  let list: @Sendable (Request) async throws -> Response

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(request: self.first, list: self.list) }

  public struct AsyncIterator: AsyncIteratorProtocol {
    /// The next page's request; nil after the last page.
    var request: Request?
    let list: @Sendable (Request) async throws -> Response
    var buffered: ArraySlice<Response.Item> = []

    public mutating func next() async throws -> Response.Item? {
      while self.buffered.isEmpty {
        guard var request = self.request else { return nil }
        let page = try await self.list(request)
        self.buffered = page.pageItems[...]
        request.pageToken = page.nextPageToken
        self.request = page.nextPageToken.isEmpty ? nil : request
      }
      return self.buffered.popFirst()
    }
  }
}
