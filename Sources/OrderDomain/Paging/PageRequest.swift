/// One page of a listing, as a caller asks for it (issue 12, AIP-158): at most `size` items,
/// starting after `after` (the position of the previous page's last item), or from the start.
public struct PageRequest: Hashable, Sendable {
  /// The page size when the caller names none.
  public static let defaultSize = 100
  /// The largest page: a larger size asked for is served as this one.
  public static let maximumSize = 1000

  /// At most this many items, 1 to ``maximumSize``.
  public let size: Int
  /// Continue after this position; `nil` for the first page.
  public let after: PagePosition?

  /// A page of `size` items (clamped to 1 ... ``maximumSize``) after `after`.
  public init(size: Int = PageRequest.defaultSize, after: PagePosition? = nil) {
    self.size = min(max(size, 1), Self.maximumSize)
    self.after = after
  }

  /// The page size for a caller's `requested` one: 0 is the default, anything over the
  /// maximum is the maximum.
  ///
  /// - Throws: `invalidArgument` for a negative size.
  public static func size(requested: Int) throws -> Int {
    guard requested >= 0 else {
      throw DomainError.invalidArgument(
        "page_size must be 0 (the default, \(defaultSize)) or more; sizes over \(maximumSize) are served as \(maximumSize); got \(requested)"
      )
    }
    return requested == 0 ? defaultSize : min(requested, maximumSize)
  }
}
