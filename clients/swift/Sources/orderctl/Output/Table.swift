/// A plain-text table: an optional header row and rows, columns padded to their widest cell
/// and separated by two spaces. Empty cells print as `-`.
struct Table {
  var headers: [String]
  var rows: [[String]] = []

  init(_ headers: String...) {
    self.headers = headers
  }

  mutating func append(_ row: String...) {
    self.append(row)
  }

  mutating func append(_ row: [String]) {
    self.rows.append(row.map { $0.isEmpty ? "-" : $0 })
  }

  func render() -> String {
    let all = (self.headers.isEmpty ? [] : [self.headers]) + self.rows
    var widths: [Int] = []
    for row in all {
      for (index, cell) in row.enumerated() {
        if index == widths.count { widths.append(0) }
        widths[index] = max(widths[index], cell.count)
      }
    }
    return all.map { row in
      var line = ""
      for (index, cell) in row.enumerated() {
        line += cell
        if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }
}

/// A single object as aligned `label  value` lines.
struct Details {
  private var table = Table()

  /// Adds a line; an empty value prints as `-`.
  mutating func add(_ label: String, _ value: String) {
    self.table.append(label, value)
  }

  func render() -> String {
    self.table.render()
  }
}
