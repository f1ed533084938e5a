import ArgumentParser
import BenchSupport
import Foundation
import OrderDomain
import OrderStorage

/// `server-bench opening`: what a miss of orderd's organization cache costs, timed in process
/// with the storage's own code (`OrganizationStore.open`, the first read, `close`) on copies of
/// one migrated organization file, each opened once, as in a round robin over more
/// organizations than the cache holds.
struct Opening: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Times opening (and closing) organization files that are not open, in process.",
    discussion: """
      Makes --count copies of a migrated organization file with one account in a temporary \
      folder and opens each once (a first open creates the WAL and shared-memory files). Then, \
      timed, for each: opens it as orderd does on a cache miss, reads its accounts, and closes \
      it (the WAL checkpointed, as orderd does on eviction, off the calls' path). Prints the \
      open-and-read and the close latencies with the CPU each took.
      """
  )

  @Option(help: "Organization files to open, each once.")
  var count: Int = 1_000

  func validate() throws {
    guard self.count >= 1 else { throw ValidationError("--count must be positive") }
  }

  func run() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("server-bench-opening-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try await Self.copies(of: try await Self.migratedFile(in: folder), count: self.count, in: folder)
    let first = try await Self.openEach(files)
    Console.line(
      "first open of each copy (creates its WAL and shared-memory files): p50 "
        + "\(String(format: "%.0f", Double(first.opening.percentiles([0.5])?.first ?? 0) / 1_000)) µs")
    let again = try await Self.openEach(files)
    var table = RateTable()
    table.append(
      .init(
        name: "open + first read, not cached", concurrency: 1,
        result: LoopResult(elapsed: again.elapsed, cpu: again.openingCPU, latencies: again.opening)))
    table.append(
      .init(
        name: "close (checkpoint), off the call path", concurrency: 1,
        result: LoopResult(elapsed: again.elapsed, cpu: again.closingCPU, latencies: again.closing)))
    let median = Double(again.opening.percentiles([0.5])?.first ?? 0) / 1_000
    Console.line(
      "opening an organization that is not cached: p50 \(String(format: "%.0f", median)) µs "
        + "(target under 1,000 µs: \(median < 1_000 ? "met" : "not met"))")
    Console.line("")
    Console.line(table.markdown)
  }

  /// What opening, reading and closing each file once took.
  private struct Pass {
    var opening = LatencySamples()
    var closing = LatencySamples()
    var openingCPU = Duration.zero
    var closingCPU = Duration.zero
    var elapsed = Duration.zero
  }

  private static func openEach(_ files: [(OrganizationID, URL)]) async throws -> Pass {
    var pass = Pass()
    let clock = ContinuousClock()
    let start = clock.now
    for (id, url) in files {
      let cpuBefore = CPUTime.used()
      let began = clock.now
      let store = try OrganizationStore.open(at: url, organizationID: id)
      let accounts = try await store.read { tx in try tx.accounts().count }
      guard accounts == 1 else { throw BenchFailure("\(url.lastPathComponent) read \(accounts) accounts, expected 1") }
      let opened = clock.now
      let cpuOpened = CPUTime.used()
      try store.close()
      pass.closing.record(clock.now - opened)
      pass.opening.record(opened - began)
      pass.openingCPU += cpuOpened - cpuBefore
      pass.closingCPU += CPUTime.used() - cpuOpened
    }
    pass.elapsed = clock.now - start
    return pass
  }

  /// An organization file migrated by the storage, with one account, closed.
  private static func migratedFile(in folder: URL) async throws -> URL {
    let url = folder.appendingPathComponent("original.sqlite")
    let store = try OrganizationStore.open(at: url, organizationID: .random())
    _ = try await store.write { tx in try tx.createAccount(NewAccount(name: "Bench", kind: .customer), now: Date()) }
    try store.close()
    return url
  }

  /// `count` copies of `original`, each named by a new organization id.
  private static func copies(of original: URL, count: Int, in folder: URL) async throws -> [(OrganizationID, URL)] {
    try (0..<count).map { _ in
      let id = OrganizationID.random()
      let url = folder.appendingPathComponent("\(id.rawValue).sqlite")
      try FileManager.default.copyItem(at: original, to: url)
      return (id, url)
    }
  }
}
