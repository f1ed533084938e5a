import Foundation
import GRDB
import OrderDomain

/// A row of the registry's `operations` (issue 10, registry v4): an organization or key to
/// create, with its ids chosen up front, the hash of the new key's secret, and, under an
/// idempotency key, the request's fingerprint and the secret sealed (never in the clear).
struct OperationRecord: Codable, FetchableRecord, PersistableRecord, StoredRecord {
  static let databaseTableName = "operations"
  static let primaryKey = ["id"]

  var id: String
  var kind: RegistryOperation.Kind
  var state: RegistryOperation.State
  var callerID: OrganizationID
  var keyHash: Data?
  var method: String?
  var requestHash: Data?
  var organizationID: OrganizationID
  var name: String?
  var organizationKind: OrganizationKind?
  var currency: String?
  var parentAccountID: AccountID?
  var keyID: APIKeyID
  var role: Role
  var accountID: AccountID?
  var secretHash: Data
  var salt: Data?
  var sealedSecret: Data?
  var createdAt: Date

  func operation() throws -> RegistryOperation {
    var organization: Organization?
    if kind == .createOrganization {
      guard let name, let organizationKind, let currency else {
        throw DomainError.internalError("operation \(id) creates an organization but does not describe it")
      }
      organization = Organization(
        id: organizationID, name: name, kind: organizationKind, parentID: callerID, currency: currency,
        createdAt: createdAt, parentAccountID: parentAccountID)
    }
    return RegistryOperation(
      id: id, kind: kind, state: state, callerID: callerID, organization: organization,
      key: APIKeyRecord(
        id: keyID, organizationID: organizationID, role: role, accountID: accountID, createdAt: createdAt),
      createdAt: createdAt)
  }
}

extension OperationRecord {
  /// The row of `operation`; with a claim, its idempotency key's hash, its request and the
  /// new key's secret sealed under it.
  init(
    _ operation: RegistryOperation, secretHash: Data, claim: IdempotencyClaim?, sealed: OutcomeSeal.Sealed?
  ) {
    let organization = operation.organization
    self.init(
      id: operation.id, kind: operation.kind, state: operation.state, callerID: operation.callerID,
      keyHash: claim.map { OutcomeSeal.lookupHash(of: $0.key) }, method: claim?.method,
      requestHash: claim?.requestHash, organizationID: operation.key.organizationID, name: organization?.name,
      organizationKind: organization?.kind, currency: organization?.currency,
      parentAccountID: organization?.parentAccountID, keyID: operation.key.id, role: operation.key.role,
      accountID: operation.key.accountID, secretHash: secretHash, salt: sealed?.salt, sealedSecret: sealed?.box,
      createdAt: operation.createdAt)
  }
}

// Stored as their raw values in `operations.kind` and `operations.state`.
extension RegistryOperation.Kind: Codable {}
extension RegistryOperation.State: Codable {}
