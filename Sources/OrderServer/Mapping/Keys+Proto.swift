import OrderDomain
import OrderProtocol
import OrderStorage
import SwiftProtobuf

extension APIKeyRecord {
  var proto: Orders_V1_ApiKey {
    .with {
      $0.id = self.id.rawValue
      $0.organizationID = self.organizationID.rawValue
      $0.role = self.role.proto
      $0.accountID = self.accountID?.rawValue ?? ""
      $0.createdAt = Google_Protobuf_Timestamp(date: self.createdAt)
      if let revoked = self.revokedAt { $0.revokedAt = Google_Protobuf_Timestamp(date: revoked) }
    }
  }
}

extension IssuedKey {
  var proto: Orders_V1_IssuedKey {
    .with {
      $0.key = self.record.proto
      $0.secret = self.plaintext
    }
  }
}
