import Foundation

/// The command line shared by both builds of `orderd-fuzz`:
/// `orderd-fuzz write-seeds VECTORS_DIR OUTPUT_DIR` writes the seed corpus; otherwise (plain
/// build only; the libFuzzer build has libFuzzer's command line) each argument is a file
/// replayed through the harness.
public enum FuzzCommand {
  /// Handles `write-seeds`; nil when the arguments are something else.
  public static func writeSeeds(_ arguments: [String]) -> Int32? {
    guard arguments.dropFirst().first == "write-seeds" else { return nil }
    guard arguments.count == 4 else {
      print("usage: orderd-fuzz write-seeds VECTORS_DIR OUTPUT_DIR")
      return 2
    }
    do {
      let count = try FuzzSeeds.write(
        vectors: URL(fileURLWithPath: arguments[2]),
        to: URL(fileURLWithPath: arguments[3])
      )
      print("wrote \(count) seeds to \(arguments[3])")
      return 0
    } catch {
      print("cannot write the seeds: \(error)")
      return 1
    }
  }

  /// Replays each file; 1 if an invariant broke (a crash ends the process instead).
  public static func replay(_ paths: [String]) -> Int32 {
    guard !paths.isEmpty else {
      print("usage: orderd-fuzz FILE... | orderd-fuzz write-seeds VECTORS_DIR OUTPUT_DIR")
      return 2
    }
    var status: Int32 = 0
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        print("\(path): cannot read")
        status = 1
        continue
      }
      do {
        try FuzzHarness.run(data)
        print("\(path): ok")
      } catch {
        print("\(path): \(error)")
        status = 1
      }
    }
    return status
  }
}
