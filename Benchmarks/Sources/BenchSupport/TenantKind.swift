import ArgumentParser

/// The kind of child organization the benchmark creates under the root.
public enum TenantKind: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Backorders each executed sale to the root.
  case tenant
  /// Backorders nothing.
  case countryTenant = "country-tenant"

  public var backorders: Bool { self == .tenant }
}
