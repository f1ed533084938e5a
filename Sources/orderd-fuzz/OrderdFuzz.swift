import Foundation
import OrderFuzzing

// Built two ways. Plainly (`swift build`): a command that replays inputs through the harness.
// With `--sanitize=fuzzer -Xswiftc -DFUZZING` (scripts/fuzz.sh): libFuzzer's entry points,
// libFuzzer supplying `main`.

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    do {
      try FuzzHarness.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    } catch {
      fatalError("\(error)")
    }
    return 0
  }

  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
  ) -> CInt {
    let arguments = (0..<Int(argc.pointee)).map { index in
      argv.pointee?[index].map { String(cString: $0) } ?? ""
    }
    if let status = FuzzCommand.writeSeeds(arguments) { exit(status) }
    return 0
  }
#else
  @main
  struct OrderdFuzz {
    static func main() {
      let arguments = CommandLine.arguments
      exit(FuzzCommand.writeSeeds(arguments) ?? FuzzCommand.replay(Array(arguments.dropFirst())))
    }
  }
#endif
