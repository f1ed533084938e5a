/// How the simulated vendor treats a product (C2), set by admins for tests and demos.
public struct VendorBehavior: Hashable, Sendable, Codable {
  /// Whether the vendor denies every change of the product at execution time (H7).
  public var denyChanges: Bool
  /// Whether provisioning fails.
  public var failProvisioning: FailureMode
  /// Whether the expiration date and software ID arrive only on a later sync (A2, seed 004).
  public var lateExpiration: Bool
  /// How long provisioning takes, in seconds; 0 is instant.
  public var provisioningDelay: Int

  public init(
    denyChanges: Bool = false, failProvisioning: FailureMode = .never, lateExpiration: Bool = false,
    provisioningDelay: Int = 0
  ) {
    self.denyChanges = denyChanges
    self.failProvisioning = failProvisioning
    self.lateExpiration = lateExpiration
    self.provisioningDelay = provisioningDelay
  }

  /// The vendor behaves normally.
  public static let normal = VendorBehavior()

  /// When provisioning fails.
  public enum FailureMode: String, Hashable, Sendable, Codable, CaseIterable {
    case never
    /// The first attempt fails, later ones succeed.
    case once
    case always
  }

  /// E.g. `deny-changes=false fail-provisioning=once late-expiration=true delay=0s`.
  public var summary: String {
    "deny-changes=\(denyChanges) fail-provisioning=\(failProvisioning.rawValue) "
      + "late-expiration=\(lateExpiration) delay=\(provisioningDelay)s"
  }

  /// Throws `invalidArgument` for a negative or over-a-day delay.
  public func validate() throws(DomainError) {
    guard (0...86_400).contains(provisioningDelay) else {
      throw .invalidArgument("provisioning delay must be 0 to 86400 seconds (is \(provisioningDelay))")
    }
  }
}
