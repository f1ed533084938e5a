import Foundation

/// orderd's options read their defaults from `ORDERD_*` environment variables.
enum Environment {
  static func value(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
  }
}
