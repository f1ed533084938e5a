import Foundation
import OrderDomain

/// Registry work recorded before it is done (issue 10): creating an organization or an API key.
///
/// The intent holds every id of the work, chosen up front (the organization's id, the key's id
/// and the hash of its secret), so that finishing it after a crash, on a retry with the same
/// idempotency key or at the next start, makes the same objects and never a second set. An
/// organization becomes visible in the registry, with its admin key, only in the transaction
/// that marks its operation done. See docs/decisions.md, "Registry work exactly once".
public struct RegistryOperation: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case createOrganization
    case createKey
  }

  public enum State: String, Sendable {
    /// Recorded; some steps may have run. Finished by a retry or at the next start.
    case pending
    /// Finished: the organization or key exists in the registry.
    case done
  }

  /// Random; names the operation in logs.
  public var id: String
  public var kind: Kind
  public var state: State
  /// The organization whose call it is: the new organization's parent, or the key's owner.
  public var callerID: OrganizationID
  /// The organization to create, as it will be (or is) in the registry; `nil` for a key.
  /// Its ``Organization/parentAccountID`` is set once the operation is done.
  public var organization: Organization?
  /// The API key to create (the new organization's first admin key, or the key asked for).
  public var key: APIKeyRecord
  public var createdAt: Date
}
