import ArgumentParser
import OrderClient

/// The options of every list command: it pages through everything unless told to stop.
struct PagingOptions: ParsableArguments {
  @Option(help: "Stop after this many rows (default: all of them, fetched page by page).")
  var limit: Int?

  @Option(help: "Rows per call to the server (default 100, at most 1000).")
  var pageSize: Int32?

  func validate() throws {
    if let limit = self.limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    if let size = self.pageSize, !(1...1_000).contains(size) {
      throw ValidationError("--page-size must be 1 to 1000")
    }
  }

  /// One response holding every page of the listing (or the first `--limit` rows; then a
  /// note on stderr says that more remain).
  func collect<Request: PagedListRequest, Response: PagedListResponse>(
    _ client: OrderdTCPClient, _ request: Request, _ list: (Request) async throws -> Response
  ) async throws -> Response {
    var request = request
    request.pageSize = self.pageSize ?? 0
    let response = try await client.collectPages(request, limit: self.limit, list)
    if let limit = self.limit, !response.nextPageToken.isEmpty {
      StandardError.write("orderctl: stopped after \(limit) rows (--limit); more remain")
    }
    return response
  }
}
