/// One page of a listing: its items, and where the next page starts (`nil` on the last page).
/// A page may hold fewer items than asked for and still have a next one (when a caller's
/// visibility hides some rows of it).
public struct Page<Item> {
  public var items: [Item]
  public var next: PagePosition?

  public init(items: [Item], next: PagePosition?) {
    self.items = items
    self.next = next
  }

  /// The same page with each item transformed.
  public func map<T>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
    Page<T>(items: try self.items.map(transform), next: self.next)
  }

  /// The same page without the items `isIncluded` rejects; the next position stays.
  public func filter(_ isIncluded: (Item) throws -> Bool) rethrows -> Page<Item> {
    Page(items: try self.items.filter(isIncluded), next: self.next)
  }

  /// A page of a short listing kept in memory, already sorted by `key`: the items after the
  /// request's position (by key, not by index, so it is stable as the listing changes).
  public static func keyset(_ sorted: [Item], _ request: PageRequest, key: (Item) -> [PageKey]) -> Page<Item> {
    let rest = sorted.filter { item in request.after.map { $0.keys.precedes(key(item)) } ?? true }
    let items = Array(rest.prefix(request.size))
    let next = rest.count > request.size ? items.last.map { PagePosition(key($0)) } : nil
    return Page(items: items, next: next)
  }
}

extension Page: Sendable where Item: Sendable {}
