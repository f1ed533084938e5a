import OrderDomain
import OrderProtocol
import SwiftProtobuf

extension OrderFlow {
  var proto: Orders_V1_OrderFlow {
    .with {
      $0.type = self.type.proto
      $0.statuses = self.statuses.map { status in
        .with {
          $0.name = status.rawValue
          $0.initial = self.initial.contains(status)
          $0.stall = self.isStall(status)
          $0.final = self.isFinal(status)
        }
      }
      $0.transitions = self.edges.map { edge in
        .with {
          $0.from = edge.from.rawValue
          $0.to = edge.to.rawValue
        }
      }
      $0.text = self.plainText
    }
  }
}
