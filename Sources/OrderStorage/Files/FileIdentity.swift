import Foundation

/// What a file looks like from outside: which file it is, its size, when it was written,
/// who may read it. A different identity means someone replaced, rewrote or `chmod`ed it.
struct FileIdentity: Hashable, Sendable {
  var fileNumber: UInt64?
  var size: UInt64?
  var modified: Date?
  var permissions: Int?
  var owner: UInt64?

  /// The identity of the file at `url`, or `nil` when there is none.
  init?(of url: URL) {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
    self.fileNumber = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    self.size = (attributes[.size] as? NSNumber)?.uint64Value
    self.modified = attributes[.modificationDate] as? Date
    self.permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
    self.owner = (attributes[.ownerAccountID] as? NSNumber)?.uint64Value
  }
}
