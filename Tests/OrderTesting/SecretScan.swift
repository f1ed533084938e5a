import Foundation

/// Looks for an API key's secret where it must never be: in the files of a data directory
/// (databases, `-wal`, `-shm`) and in logs.
public enum SecretScan {
  /// One way a key could be written down.
  public struct Form: Sendable {
    public var name: String
    public var bytes: Data
  }

  /// The forms of an API key `odk_<id>_<secret>`: the whole key, its hex secret in lower and
  /// upper case, the secret's raw bytes, and base64 of the key and of the raw secret.
  public static func forms(ofKey key: String) -> [Form] {
    let secret = String(key.split(separator: "_").last ?? "")
    var raw = Data()
    var digits = secret.makeIterator()
    while let high = digits.next(), let low = digits.next(), let byte = UInt8("\(high)\(low)", radix: 16) {
      raw.append(byte)
    }
    return [
      Form(name: "key", bytes: Data(key.utf8)),
      Form(name: "hex secret", bytes: Data(secret.utf8)),
      Form(name: "HEX secret", bytes: Data(secret.uppercased().utf8)),
      Form(name: "raw secret", bytes: raw),
      Form(name: "base64 key", bytes: Data(Data(key.utf8).base64EncodedString().utf8)),
      Form(name: "base64 raw secret", bytes: Data(raw.base64EncodedString().utf8)),
    ]
  }

  /// Every file under `directory` that contains one of `forms`, as `path: form name`.
  public static func hits(of forms: [Form], under directory: URL) throws -> [String] {
    var hits: [String] = []
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
      let contents = try Data(contentsOf: url)
      for form in forms where !form.bytes.isEmpty && contents.range(of: form.bytes) != nil {
        hits.append("\(url.lastPathComponent): \(form.name)")
      }
    }
    return hits
  }

  /// The names of the forms that occur in `text` (a log).
  public static func hits(of forms: [Form], in text: String) -> [String] {
    let bytes = Data(text.utf8)
    return forms.filter { !$0.bytes.isEmpty && bytes.range(of: $0.bytes) != nil }.map(\.name)
  }
}
