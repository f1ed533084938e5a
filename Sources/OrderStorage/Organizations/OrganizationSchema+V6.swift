extension OrganizationSchema {
  static let v6Name = "v6: backorder outbox, backorders, backorder links"

  /// B2-B4. A tenant's executed changes wait in `backorderOutbox` (written in the same
  /// transaction as the change) until the parent has them; the sequence orders them and
  /// is never reused. The parent keeps each received change in `backorders`, once per
  /// (tenant, sequence), and maps the tenant's subscriptions to its own in `backorderLinks`.
  static let v6 = """
    CREATE TABLE backorderOutbox (
      sequence INTEGER PRIMARY KEY AUTOINCREMENT,
      subscriptionID TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('sale', 'quantity', 'upgrade', 'cancellation')),
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      previousSKU TEXT,
      baseSubscriptionID TEXT,
      createdAt DATETIME NOT NULL,
      orderNumber TEXT NOT NULL
    );

    CREATE TABLE backorders (
      id TEXT PRIMARY KEY NOT NULL,
      tenantOrganizationID TEXT NOT NULL,
      tenantSubscriptionID TEXT NOT NULL,
      sourceSequence INTEGER NOT NULL,
      accountID TEXT NOT NULL REFERENCES accounts(id),
      kind TEXT NOT NULL CHECK (kind IN ('sale', 'quantity', 'upgrade', 'cancellation')),
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      previousSKU TEXT,
      tenantBaseSubscriptionID TEXT,
      tenantOrderNumber TEXT NOT NULL,
      changedAt DATETIME NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('received', 'applied', 'stalled', 'waiting')),
      reason TEXT,
      waitingBehind TEXT REFERENCES backorders(id),
      subscriptionID TEXT REFERENCES subscriptions(id),
      orderID TEXT REFERENCES orders(id),
      receivedAt DATETIME NOT NULL,
      appliedAt DATETIME,
      UNIQUE (tenantOrganizationID, sourceSequence)
    );
    CREATE INDEX backorders_status ON backorders(status, id);
    CREATE INDEX backorders_tenantSubscription ON backorders(tenantOrganizationID, tenantSubscriptionID, sourceSequence);
    CREATE TRIGGER backorders_no_delete BEFORE DELETE ON backorders
    BEGIN SELECT RAISE(ABORT, 'backorders are never deleted (B3)'); END;

    CREATE TABLE backorderLinks (
      tenantOrganizationID TEXT NOT NULL,
      tenantSubscriptionID TEXT NOT NULL,
      subscriptionID TEXT NOT NULL REFERENCES subscriptions(id),
      PRIMARY KEY (tenantOrganizationID, tenantSubscriptionID)
    );
    """
}
