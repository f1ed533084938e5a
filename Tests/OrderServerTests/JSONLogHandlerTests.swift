import Foundation
import Logging
import OrderServer
import Synchronization
import Testing

/// Issue 12: `--log-format json` writes one JSON object per line with the timestamp, level,
/// message and metadata, including what the metadata provider adds.
@Suite("JSON log lines", .timeLimit(.minutes(1)))
struct JSONLogHandlerTests {
  @Test("each line is one JSON object with timestamp, level, message and the metadata as fields")
  func fields() throws {
    let lines = Mutex<[String]>([])
    var logger = Logger(label: "orderd") { label in
      JSONLogHandler(label: label, metadataProvider: nil) { line in lines.withLock { $0.append(line) } }
    }
    logger.logLevel = .debug
    logger[metadataKey: "org"] = "org-1"
    logger.notice(
      "a \"quoted\"\nmessage\twith \u{1} control",
      metadata: ["requestID": "r-1", "method": "orders.v1.OrderService/PlaceOrder", "message": "clash"])
    logger.trace("not logged: below the level")
    let written = lines.withLock { $0 }
    try #require(written.count == 1)
    let line = written[0]
    #expect(line.hasSuffix("}\n"))
    #expect(line.dropLast().contains("\n") == false)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["level"] as? String == "notice")
    #expect(object["label"] as? String == "orderd")
    #expect(object["message"] as? String == "a \"quoted\"\nmessage\twith \u{1} control")
    #expect(object["requestID"] as? String == "r-1")
    #expect(object["method"] as? String == "orders.v1.OrderService/PlaceOrder")
    #expect(object["org"] as? String == "org-1")
    #expect(object["metadata.message"] as? String == "clash")
    let timestamp = try #require(object["timestamp"] as? String)
    #expect(try Date(timestamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) <= Date())
  }

  @Test("metadata from the provider, and nested metadata, are in the object")
  func providerAndNesting() throws {
    let lines = Mutex<[String]>([])
    let provider = Logger.MetadataProvider { ["requestID": "from-provider"] }
    let logger = Logger(label: "orderd") { label in
      JSONLogHandler(label: label, metadataProvider: provider) { line in lines.withLock { $0.append(line) } }
    }
    logger.info("nested", metadata: ["list": ["a", "b"], "map": ["k": "v"]])
    let line = try #require(lines.withLock { $0.first })
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["requestID"] as? String == "from-provider")
    #expect(object["list"] as? [String] == ["a", "b"])
    #expect(object["map"] as? [String: String] == ["k": "v"])
  }
}
