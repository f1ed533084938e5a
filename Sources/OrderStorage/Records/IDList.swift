import Foundation
import OrderDomain

/// Many ids (or SKUs) as one SQL argument, read with `IN (SELECT value FROM json_each(?))`:
/// one statement, prepared once, fetches the children of any number of parents (no query per
/// parent, no statement per list length).
enum IDList {
  static func argument<Value: Encodable>(_ values: [Value]) throws -> String {
    String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
  }
}
