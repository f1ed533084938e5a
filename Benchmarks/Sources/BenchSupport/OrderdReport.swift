/// What the benchmark prints about the orderd process itself at the end of a run.
public enum OrderdReport {
  /// Peak and current memory, threads and total CPU of `orderd`, and how many error lines it
  /// logged (their first few, if any).
  public static func printFinal(_ orderd: OrderdProcess, name: String = "orderd") {
    if let stats = try? ProcessStats.read(pid: orderd.pid) {
      Console.line(
        "\(name): peak RSS (VmHWM) \(Units.mebibytes(stats.peakResident)) MiB, "
          + "RSS now \(Units.mebibytes(stats.resident)) MiB, \(stats.threads) threads, "
          + "CPU used since start \(Units.fixed(Units.seconds(stats.cpuTime))) s")
    } else {
      Console.line("\(name): not running any more (no /proc figures)")
    }
    let errors = orderd.log.split(separator: "\n").filter { $0.contains(" error ") || $0.contains(" critical ") }
    Console.line("\(name) logged \(errors.count) error line(s)")
    for line in errors.prefix(3) { Console.line("  \(line.prefix(300))") }
  }

  /// ``printFinal(_:name:)`` for each node.
  public static func printFinal(_ nodes: OrderdNodes) {
    for (index, node) in nodes.all.enumerated() { Self.printFinal(node, name: nodes.name(index)) }
  }
}
