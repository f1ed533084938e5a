/// Who made a change (O4): the system, an admin, a storefront user, or the vendor.
public enum Agent: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The platform itself (scheduler, billing service).
  case system
  /// An admin, identified by the key used.
  case admin(APIKeyID)
  /// A storefront user of the account.
  case storefront(AccountID)
  /// A change made at the vendor and synchronized into the platform (H8).
  case vendorSystem

  /// A stable text form, e.g. `system`, `admin:k1`, `storefront:ACC-000001`, `Vendor System`.
  public var rawValue: String {
    switch self {
    case .system: "system"
    case .admin(let key): "admin:\(key)"
    case .storefront(let account): "storefront:\(account)"
    case .vendorSystem: "Vendor System"
    }
  }

  /// Parses ``rawValue``; `nil` when the text is not one of its forms.
  public init?(rawValue: String) {
    if rawValue == "system" {
      self = .system
    } else if rawValue == "Vendor System" {
      self = .vendorSystem
    } else if rawValue.hasPrefix("admin:") {
      self = .admin(APIKeyID(String(rawValue.dropFirst("admin:".count))))
    } else if rawValue.hasPrefix("storefront:") {
      self = .storefront(AccountID(String(rawValue.dropFirst("storefront:".count))))
    } else {
      return nil
    }
  }

  public var description: String { rawValue }
}
