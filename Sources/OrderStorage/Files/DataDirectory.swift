import Foundation
import OrderDomain

/// The layout of a data directory: `registry.sqlite`, `orgs/<orgID>.sqlite` (T2) and
/// `root-admin.key`.
public struct DataDirectory: Hashable, Sendable {
  public var url: URL

  public init(_ url: URL) { self.url = url }

  public init(path: String) { self.init(URL(fileURLWithPath: path, isDirectory: true)) }

  /// The registry of organizations and API keys.
  public var registryURL: URL { url.appendingPathComponent("registry.sqlite") }

  /// The folder of the organizations' databases.
  public var organizationsURL: URL { url.appendingPathComponent("orgs", isDirectory: true) }

  /// The database file of one organization (T2).
  public func organizationURL(_ id: OrganizationID) -> URL {
    organizationsURL.appendingPathComponent("\(id.rawValue).sqlite")
  }

  /// Where the root organization's first admin key is written once.
  public var rootAdminKeyURL: URL { url.appendingPathComponent("root-admin.key") }

  /// Creates the directory and its `orgs` folder if missing.
  public func create() throws {
    try FileManager.default.createDirectory(at: organizationsURL, withIntermediateDirectories: true)
  }

  /// Writes the root admin key to ``rootAdminKeyURL`` readable by the owner only (0600).
  ///
  /// Fails if the file exists: a key shown once is never overwritten silently.
  public func writeRootAdminKey(_ plaintext: String) throws {
    let path = rootAdminKeyURL.path
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DomainError.alreadyExists("\(path) exists already; remove it first to write a new key")
    }
    let created = FileManager.default.createFile(
      atPath: path, contents: Data((plaintext + "\n").utf8), attributes: [.posixPermissions: 0o600])
    guard created else { throw DomainError.internalError("could not write \(path)") }
  }
}
