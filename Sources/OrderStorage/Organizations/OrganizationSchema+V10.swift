extension OrganizationSchema {
  static let v10Name = "v10: accounts of child organizations"

  /// B2, issue 10: the account a child organization has in its parent names the child, so
  /// that creating it again (a retry, or recovery after a crash) finds it instead of opening a
  /// second one. Accounts made before v10 name none.
  static let v10 = """
    ALTER TABLE accounts ADD COLUMN organizationID TEXT;
    CREATE UNIQUE INDEX accounts_organization ON accounts(organizationID) WHERE organizationID IS NOT NULL;
    """
}
