import BenchSupport

/// Which node ran how much of the due work, from each node's `ran due jobs` log lines
/// (logged at `--log-level debug` only): organizations run and jobs executed. Prints nothing
/// when no node logged such a line.
enum NodeShares {
  static func print(_ nodes: OrderdNodes) {
    let shares = nodes.all.map { Self.share(in: $0.log) }
    guard shares.contains(where: { $0.jobs > 0 }) else { return }
    for (index, share) in shares.enumerated() {
      guard let node = share.node else {
        Console.line("\(nodes.name(index)) ran the due jobs of 0 organizations")
        continue
      }
      Console.line(
        "\(nodes.name(index)) (\(node)) ran the due jobs of \(share.organizations.count) organization(s): "
          + "\(share.jobs) jobs in \(share.runs) runs")
    }
    if shares.count > 1 {
      let both = shares.dropFirst().reduce(shares[0].organizations) { $0.intersection($1.organizations) }
      Console.line("organizations run by every node (at different times): \(both.count)")
    }
  }

  private struct Share {
    var node: String?
    var organizations: Set<String> = []
    var jobs = 0
    var runs = 0
  }

  private static func share(in log: String) -> Share {
    var share = Share()
    for line in log.split(separator: "\n") where line.hasSuffix("ran due jobs") {
      let fields = Self.fields(of: line)
      guard let organization = fields["org"], let jobs = fields["jobs"].flatMap({ Int($0) }) else { continue }
      share.node = share.node ?? fields["node"]
      share.organizations.insert(organization)
      share.jobs += jobs
      share.runs += 1
    }
    return share
  }

  /// The `key=value` metadata of a text log line.
  private static func fields(of line: Substring) -> [String: String] {
    var fields: [String: String] = [:]
    for word in line.split(separator: " ") {
      guard let equals = word.firstIndex(of: "=") else { continue }
      fields[String(word[..<equals])] = String(word[word.index(after: equals)...])
    }
    return fields
  }
}
