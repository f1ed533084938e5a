/// Where a page ended: the sort keys of its last item, in the listing's sort order (keyset
/// paging). The next page starts strictly after it, so rows inserted meanwhile neither
/// shift nor repeat what is listed (issue 12).
public struct PagePosition: Hashable, Sendable {
  public var keys: [PageKey]

  public init(_ keys: [PageKey]) {
    self.keys = keys
  }
}

/// One sort key of a position: the values a listing sorts by (an id, a time, a sequence).
public enum PageKey: Hashable, Sendable, Comparable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// SQLite's order: null, then numbers, then text.
  public static func < (lhs: PageKey, rhs: PageKey) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): false
    case (.null, _): true
    case (_, .null): false
    case (.integer(let a), .integer(let b)): a < b
    case (.integer(let a), .real(let b)): Double(a) < b
    case (.real(let a), .integer(let b)): a < Double(b)
    case (.real(let a), .real(let b)): a < b
    case (.text(let a), .text(let b)): a < b
    case (.text, _): false
    case (_, .text): true
    }
  }
}

extension [PageKey] {
  /// Lexicographic order of two keysets of the same listing.
  public func precedes(_ other: [PageKey]) -> Bool {
    for (a, b) in zip(self, other) where a != b { return a < b }
    return self.count < other.count
  }
}
