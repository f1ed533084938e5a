import Foundation

/// Finds the package's built executables (`orderd`, `orderctl`) next to the test bundle,
/// or in `ORDERD_BIN_DIR`.
public enum Executables {
  public static func url(of name: String) throws -> URL {
    var candidates: [URL] = []
    if let dir = ProcessInfo.processInfo.environment["ORDERD_BIN_DIR"] {
      candidates.append(URL(fileURLWithPath: dir))
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<3 {
      candidates.append(directory)
      directory = directory.deletingLastPathComponent()
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    for candidate in candidates {
      let url = candidate.appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw ProcessFailure("cannot find the \(name) executable near \(CommandLine.arguments[0]); run `swift build` first")
  }
}

/// What one `orderctl` run printed and how it exited.
public struct CommandResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String

  /// stdout parsed as one JSON document.
  public func json() throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(self.stdout.utf8)) as? [String: Any] else {
      throw ProcessFailure("not a JSON object: \(self.stdout)")
    }
    return object
  }
}

/// Runs `orderctl` against `server` with `key` and waits for it, off the cooperative pool.
public func orderctl(_ arguments: [String], server: String, key: String?) async throws -> CommandResult {
  try await onOwnThread { try orderctlBlocking(arguments, server: server, key: key) }
}

func orderctlBlocking(_ arguments: [String], server: String, key: String?) throws -> CommandResult {
  var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
  environment["ORDERD_SERVER"] = server
  if let key { environment["ORDERD_API_KEY"] = key }
  return try runToCompletion(try Executables.url(of: "orderctl"), arguments, environment: environment)
}

/// Runs the built executable `name` (`orderd`, `orderctl`) with `arguments` and no `ORDERD_*`
/// environment, and waits for it, off the cooperative pool.
public func runExecutable(_ name: String, _ arguments: [String]) async throws -> CommandResult {
  try await onOwnThread {
    let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
    return try runToCompletion(try Executables.url(of: name), arguments, environment: environment)
  }
}

/// Runs `executable` to its end, collecting what it prints (blocks the calling thread).
func runToCompletion(_ executable: URL, _ arguments: [String], environment: [String: String]) throws
  -> CommandResult
{
  let process = try ChildProcess(
    executable: executable, arguments: arguments, environment: environment, stdout: .pipe, stderr: .pipe)
  let stdout = process.standardOutput!.readDataToEndOfFile()
  let stderr = process.standardError!.readDataToEndOfFile()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}

/// Starts `orderctl` without waiting for it (its output is discarded): for tests that kill
/// the server while a command runs.
public func startOrderctl(_ arguments: [String], server: String, key: String) throws -> ChildProcess {
  var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
  environment["ORDERD_SERVER"] = server
  environment["ORDERD_API_KEY"] = key
  return try ChildProcess(
    executable: try Executables.url(of: "orderctl"), arguments: arguments, environment: environment)
}

/// Runs `orderd arguments` (a tool subcommand such as `check` or `backup`) to its end.
public func orderd(_ arguments: [String]) async throws -> CommandResult {
  try await onOwnThread {
    let environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ORDERD_") }
    return try runToCompletion(try Executables.url(of: "orderd"), arguments, environment: environment)
  }
}
