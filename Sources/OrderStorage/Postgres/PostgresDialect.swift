import Synchronization

/// The storage's SQL, written for SQLite, as PostgreSQL reads it (issue 14).
///
/// One pass over the statement's tokens, skipping string literals, quoted identifiers and
/// comments: `?` and `?N` become `$n` (a bare `?` takes the largest number so far plus one, as
/// in SQLite), `json_each(?)` becomes `json_array_elements_text($n::json)` (its column is
/// `value` too), and `INDEXED BY name` is dropped. Everything else is left as it is: the
/// statements are written in the SQL both engines share. Translations are kept, since the
/// storage sends the same few hundred statements again and again.
enum PostgresDialect {
  /// The most translations kept; past it the memo starts over.
  static let memoLimit = 4096
  private static let memo = Mutex<[String: String]>([:])

  /// `sql` as PostgreSQL reads it, from the memo when it was translated before.
  static func translate(_ sql: String) -> String {
    if let known = memo.withLock({ $0[sql] }) { return known }
    let translated = rewrite(sql)
    memo.withLock { memo in
      if memo.count >= memoLimit { memo.removeAll(keepingCapacity: true) }
      memo[sql] = translated
    }
    return translated
  }

  /// How many translations are kept (tests).
  static var memoCount: Int { memo.withLock { $0.count } }

  /// The translation itself, without the memo.
  static func rewrite(_ sql: String) -> String {
    var rewriter = Rewriter(Array(sql.utf8))
    rewriter.run()
    return String(decoding: rewriter.output, as: UTF8.self)
  }
}

/// One statement's bytes in, PostgreSQL's bytes out.
private struct Rewriter {
  let input: [UInt8]
  var output: [UInt8] = []
  var index = 0
  /// The largest parameter number so far: a bare `?` is the next one.
  var highest = 0

  init(_ input: [UInt8]) {
    self.input = input
    output.reserveCapacity(input.count + 16)
  }

  mutating func run() {
    while index < input.count {
      let byte = input[index]
      switch byte {
      case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
        copyQuoted(closing: byte)
      case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
        copy(until: lineEnd())
      case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
        copy(until: commentEnd())
      case UInt8(ascii: "?"):
        index += 1
        emitParameter(number: parameterNumber())
      case _ where Self.startsWord(byte):
        word()
      default:
        output.append(byte)
        index += 1
      }
    }
  }

  /// A word: a keyword or an identifier. `json_each(?)` and `INDEXED BY x` are rewritten.
  private mutating func word() {
    let start = index
    let end = wordEnd(from: index)
    let lowered = String(decoding: input[start..<end], as: UTF8.self).lowercased()
    index = end
    if lowered == "json_each", let call = jsonEachCall(from: end) {
      output.append(contentsOf: Array("json_array_elements_text(".utf8))
      emitParameter(number: call.number)
      output.append(contentsOf: Array("::json)".utf8))
      index = call.end
    } else if lowered == "indexed", let clauseEnd = indexedByClause(from: end) {
      index = skipSpace(from: clauseEnd)
    } else {
      output.append(contentsOf: input[start..<end])
    }
  }

  /// `(?)` or `(?N)` after `json_each`, spaces allowed: the parameter's number and the end.
  private mutating func jsonEachCall(from start: Int) -> (number: Int, end: Int)? {
    var at = skipSpace(from: start)
    guard byte(at) == UInt8(ascii: "(") else { return nil }
    at = skipSpace(from: at + 1)
    guard byte(at) == UInt8(ascii: "?") else { return nil }
    let saved = (index, highest)
    index = at + 1
    let number = parameterNumber()
    at = skipSpace(from: index)
    guard byte(at) == UInt8(ascii: ")") else {
      (index, highest) = saved
      return nil
    }
    return (number, at + 1)
  }

  /// ` BY name` after `INDEXED`: where the clause ends.
  private func indexedByClause(from start: Int) -> Int? {
    let byStart = skipSpace(from: start)
    guard byStart > start, let first = byte(byStart), Self.startsWord(first) else { return nil }
    let byEnd = wordEnd(from: byStart)
    guard String(decoding: input[byStart..<byEnd], as: UTF8.self).lowercased() == "by" else { return nil }
    let nameStart = skipSpace(from: byEnd)
    guard nameStart > byEnd, let name = byte(nameStart) else { return nil }
    if name == UInt8(ascii: "\"") { return quotedEnd(from: nameStart, closing: name) }
    return Self.startsWord(name) ? wordEnd(from: nameStart) : nil
  }

  /// The number after a `?` just consumed (reading its digits), or the next one.
  private mutating func parameterNumber() -> Int {
    var number = 0
    var digits = 0
    while let next = byte(index), next >= UInt8(ascii: "0"), next <= UInt8(ascii: "9") {
      number = number * 10 + Int(next - UInt8(ascii: "0"))
      digits += 1
      index += 1
    }
    if digits == 0 { number = highest + 1 }
    highest = max(highest, number)
    return number
  }

  private mutating func emitParameter(number: Int) {
    output.append(UInt8(ascii: "$"))
    output.append(contentsOf: Array(String(number).utf8))
  }

  /// Copies a literal or quoted identifier; a doubled closing character is an escaped one.
  private mutating func copyQuoted(closing: UInt8) {
    copy(until: quotedEnd(from: index, closing: closing))
  }

  private func quotedEnd(from start: Int, closing: UInt8) -> Int {
    var at = start + 1
    while at < input.count {
      if input[at] == closing {
        if at + 1 < input.count, input[at + 1] == closing {
          at += 2
          continue
        }
        return at + 1
      }
      at += 1
    }
    return input.count
  }

  private func lineEnd() -> Int {
    var at = index
    while at < input.count, input[at] != UInt8(ascii: "\n") { at += 1 }
    return at
  }

  private func commentEnd() -> Int {
    var at = index + 2
    while at + 1 < input.count {
      if input[at] == UInt8(ascii: "*"), input[at + 1] == UInt8(ascii: "/") { return at + 2 }
      at += 1
    }
    return input.count
  }

  private mutating func copy(until end: Int) {
    output.append(contentsOf: input[index..<end])
    index = end
  }

  private func wordEnd(from start: Int) -> Int {
    var at = start
    while let next = byte(at), Self.continuesWord(next) { at += 1 }
    return at
  }

  private func skipSpace(from start: Int) -> Int {
    var at = start
    while let next = byte(at), next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D { at += 1 }
    return at
  }

  private func byte(_ at: Int) -> UInt8? { at < input.count ? input[at] : nil }
  private func peek(_ offset: Int) -> UInt8? { byte(index + offset) }

  /// Letters, `_`, and any byte of a non-ASCII character.
  private static func startsWord(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_") || byte >= 0x80
  }

  private static func continuesWord(_ byte: UInt8) -> Bool {
    startsWord(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "$")
  }
}
