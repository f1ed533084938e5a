import BenchSupport
import OrderClient
import OrderProtocol
import SwiftProtobuf

/// An organization's whole notification log, counted by type: how many entries and how many
/// distinct subjects (orders, invoices, backorders). The log is read in pages, so unlike the
/// list calls (which answer at most 1000 items) it counts any number exactly.
struct NotificationCounts: Sendable {
  private var entries: [String: Int] = [:]
  private var subjects: [String: Set<String>] = [:]

  /// Entries of `type`.
  func count(_ type: String) -> Int { self.entries[type, default: 0] }

  /// Distinct subjects of the entries of `type`.
  func distinct(_ type: String) -> Int { self.subjects[type]?.count ?? 0 }

  static func read(from client: OrderdTCPClient) async throws -> NotificationCounts {
    var counts = NotificationCounts()
    var after: Int64 = 0
    while true {
      let page = try await client.listNotifications(
        .with {
          $0.after = after
          $0.limit = 1000
        })
      guard let last = page.notifications.last?.position, last > after else { return counts }
      for notification in page.notifications {
        counts.entries[notification.type, default: 0] += 1
        counts.subjects[notification.type, default: []].insert(notification.subjectID)
      }
      after = last
    }
  }
}
