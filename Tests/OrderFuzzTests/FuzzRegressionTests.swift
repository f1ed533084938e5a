import Foundation
import OrderFuzzing
import Testing

@Suite("Fuzz corpus replay", .timeLimit(.minutes(2)))
struct FuzzRegressionTests {
  @Test("every seed (the protocol vectors and whole connections) passes the fuzz harness")
  func seeds() throws {
    let vectors = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .appendingPathComponent("../../protocol/vectors")
    let seeds = try FuzzSeeds.all(vectors: vectors)
    #expect(seeds.count >= 26)
    for seed in seeds {
      #expect(throws: Never.self, "\(seed.name)") { try FuzzHarness.run(seed.input) }
    }
  }

  @Test("every input the fuzzer ever failed on passes the harness now")
  func regressions() throws {
    guard let directory = Bundle.module.url(forResource: "Regressions", withExtension: nil) else {
      throw CocoaError(.fileNoSuchFile)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0 != "README.md" }
      .sorted()
    for name in names {
      let input = try Data(contentsOf: directory.appendingPathComponent(name))
      #expect(throws: Never.self, "\(name)") { try FuzzHarness.run(input) }
    }
  }
}
