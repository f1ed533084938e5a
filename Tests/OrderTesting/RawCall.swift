import GRPCCore
import OrderProtocol

/// Calls any unary method with raw request bytes, so tests can sweep every method of the
/// API with one loop (authorization matrix) without knowing its message types.
extension Caller {
  public func rawUnary(_ method: MethodDescriptor, bytes: [UInt8] = []) async throws {
    let request = ClientRequest(message: bytes, metadata: self.metadata())
    try await self.client.unary(
      request: request, descriptor: method, serializer: RawBytesSerializer(), deserializer: RawBytesDeserializer(),
      options: .defaults
    ) { response in _ = try response.message }
  }

  /// Every unary method of the orderd API (the streaming watch has its own tests).
  public static var allMethods: [MethodDescriptor] {
    let unary =
      Orders_V1_OrganizationService.Method.descriptors + Orders_V1_KeyService.Method.descriptors
      + Orders_V1_AccountService.Method.descriptors + Orders_V1_CatalogService.Method.descriptors
      + Orders_V1_OrderService.Method.descriptors + Orders_V1_SubscriptionService.Method.descriptors
      + Orders_V1_ClockService.Method.descriptors + Orders_V1_InvoiceService.Method.descriptors
      + Orders_V1_VendorService.Method.descriptors + Orders_V1_NotificationService.Method.descriptors
      + Orders_V1_BackorderService.Method.descriptors
    return unary.filter { $0 != Orders_V1_NotificationService.Method.WatchNotifications.descriptor }
  }
}

struct RawBytesSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }
}

struct RawBytesDeserializer: MessageDeserializer {
  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}
