import OrderProtocol

/// The request of a paged list call (PROTOCOL.md, "Paging"): asks for one page.
public protocol PagedListRequest: Sendable {
  /// At most this many items (0: the server's default, 100; at most 1000).
  var pageSize: Int32 { get set }
  /// The previous page's `nextPageToken`; empty for the first page.
  var pageToken: String { get set }
}

/// The response of a paged list call: one page of items and where the next one starts.
public protocol PagedListResponse: Sendable {
  associatedtype Item: Sendable
  /// The page's items (`orders`, `accounts`, ...).
  var pageItems: [Item] { get set }
  /// The token of the next page; empty on the last page.
  var nextPageToken: String { get set }
  /// Adds the following page to this one: its items after these, its token; the fields that
  /// are not paged keep their first value unless a conformance says otherwise.
  mutating func append(_ next: Self)
}

extension PagedListResponse {
  public mutating func append(_ next: Self) {
    self.pageItems += next.pageItems
    self.nextPageToken = next.nextPageToken
  }
}
