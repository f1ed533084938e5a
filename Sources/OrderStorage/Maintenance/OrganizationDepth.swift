/// How deep an organization is in the tree the registry describes (`parents`: each
/// organization's parent id, `nil` for the root), for tools that work children first (backup,
/// migrate). An organization the registry does not name is deepest of all (`Int.max`); a
/// cycle, which the registry never holds, stops after as many steps as there are organizations.
enum OrganizationDepth {
  static func of(_ id: String, parents: [String: String?]) -> Int {
    guard parents[id] != nil else { return Int.max }
    var depth = 0
    var current = id
    while let parent = parents[current] ?? nil, depth <= parents.count {
      depth += 1
      current = parent
    }
    return depth
  }
}
