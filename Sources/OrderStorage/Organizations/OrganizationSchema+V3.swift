extension OrganizationSchema {
  static let v3Name = "v3: order subscriptions, asset sync errors, invoices, notifications, vendor behaviors, jobs"

  /// Issue 3: orders know their subscription; assets keep the vendor's failure reason
  /// (A1); invoices are immutable except their status; the notification log's positions
  /// are never reused (AUTOINCREMENT, N2); the job queue of the server's background work.
  static let v3 = """
    ALTER TABLE orders ADD COLUMN subscriptionID TEXT REFERENCES subscriptions(id);
    CREATE INDEX orders_subscription ON orders(subscriptionID, status);
    CREATE TRIGGER orders_subscription_immutable BEFORE UPDATE OF subscriptionID ON orders
    BEGIN SELECT RAISE(ABORT, 'orders are immutable except their status'); END;

    ALTER TABLE assets ADD COLUMN syncError TEXT;
    ALTER TABLE assets ADD COLUMN syncAttempts INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX assets_expiration ON assets(status, expirationDate);

    CREATE TABLE invoices (
      id TEXT PRIMARY KEY NOT NULL,
      accountID TEXT NOT NULL REFERENCES accounts(id),
      orderID TEXT NOT NULL REFERENCES orders(id),
      issuedAt DATETIME NOT NULL,
      totalMinor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'paid'))
    );
    CREATE INDEX invoices_account ON invoices(accountID, issuedAt);
    CREATE INDEX invoices_order ON invoices(orderID);

    CREATE TABLE invoiceLines (
      invoiceID TEXT NOT NULL REFERENCES invoices(id),
      position INTEGER NOT NULL,
      sku TEXT NOT NULL,
      description TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      unitPriceMinor INTEGER NOT NULL,
      amountMinor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      periodStart DATETIME,
      periodEnd DATETIME,
      PRIMARY KEY (invoiceID, position)
    );
    CREATE TRIGGER invoices_immutable
    BEFORE UPDATE OF id, accountID, orderID, issuedAt, totalMinor, currency ON invoices
    BEGIN SELECT RAISE(ABORT, 'invoices are immutable except their status'); END;
    CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
    BEGIN SELECT RAISE(ABORT, 'invoices are never deleted'); END;
    CREATE TRIGGER invoiceLines_immutable BEFORE UPDATE ON invoiceLines
    BEGIN SELECT RAISE(ABORT, 'invoice lines are immutable'); END;
    CREATE TRIGGER invoiceLines_no_delete BEFORE DELETE ON invoiceLines
    BEGIN SELECT RAISE(ABORT, 'invoice lines are never deleted'); END;

    CREATE TABLE notifications (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      type TEXT NOT NULL,
      time DATETIME NOT NULL,
      subjectKind TEXT NOT NULL,
      subjectID TEXT NOT NULL,
      accountID TEXT,
      text TEXT NOT NULL
    );
    CREATE INDEX notifications_account ON notifications(accountID, position);
    CREATE TRIGGER notifications_immutable BEFORE UPDATE ON notifications
    BEGIN SELECT RAISE(ABORT, 'the notification log is append-only'); END;

    CREATE TABLE vendorBehaviors (
      sku TEXT PRIMARY KEY NOT NULL REFERENCES products(sku),
      denyChanges BOOLEAN NOT NULL,
      failProvisioning TEXT NOT NULL CHECK (failProvisioning IN ('never', 'once', 'always')),
      lateExpiration BOOLEAN NOT NULL,
      provisioningDelay INTEGER NOT NULL
    );

    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      subject TEXT NOT NULL,
      dueAt DATETIME NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      lastError TEXT,
      createdAt DATETIME NOT NULL
    );
    CREATE INDEX jobs_due ON jobs(dueAt, id);
    """
}
