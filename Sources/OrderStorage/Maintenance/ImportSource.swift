import Foundation
import GRDB
import OrderDomain

/// What `orderd migrate` copies from a data directory, read from its registry without
/// changing anything (``PostgresImport``).
struct ImportSource: Sendable {
  /// One organization whose database is copied.
  struct Organization: Sendable, Hashable {
    var id: OrganizationID
    /// From the registry; an organization a pending creation is making has none yet.
    var name: String?
    var kind: String?
    /// Whether its file exists (an organization no call opened yet has none).
    var hasFile: Bool
  }

  /// The organizations the registry names, and those an unfinished creation is making
  /// (their file may hold their settings already), children before parents (as backup
  /// copies them), then by id.
  var organizations: [Organization]
  /// Organization files nothing names (left by a creation that failed before it was
  /// recorded): not copied.
  var unnamedFiles: [String]

  /// Reads the registry of `directory` read-only.
  ///
  /// - Throws: ``PostgresImport/Failure/noRegistry(_:)`` without a registry;
  ///   ``StorageFailure`` when it cannot be read.
  init(_ directory: DataDirectory) throws {
    guard FileManager.default.fileExists(atPath: directory.registryURL.path) else {
      throw PostgresImport.Failure.noRegistry(directory.url.path)
    }
    let (named, pending) = try Self.read(directory.registryURL)
    let files = Set(
      try DatabaseFiles.organizationFiles(in: directory).map { $0.deletingPathExtension().lastPathComponent })
    var parents: [String: String?] = [:]
    for row in named { parents[row.id] = row.parentID }
    func depth(_ id: String) -> Int { OrganizationDepth.of(id, parents: parents) }
    var organizations = named.map {
      Organization(id: OrganizationID($0.id), name: $0.name, kind: $0.kind, hasFile: files.contains($0.id))
    }
    for id in pending where parents[id] == nil && files.contains(id) {
      organizations.append(Organization(id: OrganizationID(id), name: nil, kind: nil, hasFile: true))
    }
    self.organizations = organizations.sorted {
      let (a, b) = (depth($0.id.rawValue), depth($1.id.rawValue))
      return a != b ? a > b : $0.id.rawValue < $1.id.rawValue
    }
    let copied = Set(self.organizations.map(\.id.rawValue))
    unnamedFiles = files.subtracting(copied).sorted().map { "orgs/\($0).sqlite" }
  }

  /// The registry's organizations, and the ids of unfinished organization creations.
  private static func read(_ url: URL) throws -> (
    named: [(id: String, name: String, kind: String, parentID: String?)], pending: [String]
  ) {
    do {
      let registry = try DatabaseFiles.openReadOnly(url)
      defer { try? registry.close() }
      return try registry.read { db in
        let named = try Row.fetchAll(db, sql: "SELECT id, name, kind, parentID FROM organizations").map {
          (
            id: $0["id"] as String, name: $0["name"] as String, kind: $0["kind"] as String,
            parentID: $0["parentID"] as String?
          )
        }
        guard try db.tableExists("operations") else { return (named, []) }
        let pending = try String.fetchAll(
          db, sql: "SELECT organizationID FROM operations WHERE kind = 'createOrganization' AND state = 'pending'")
        return (named, pending)
      }
    } catch {
      throw StorageFailure.converting(error, in: .file("registry.sqlite"))
    }
  }
}
