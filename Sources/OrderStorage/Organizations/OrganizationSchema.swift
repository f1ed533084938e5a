import GRDB

/// Schema versions of an organization's database (`orgs/<id>.sqlite`).
///
/// Money is stored as integer minor units with its currency; dates as UTC text. Open files
/// with ``migrate(_:)``, which also rewrites files that predate v9.
enum OrganizationSchema {
  /// Built once: every database opened uses it.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(v1Name) { db in
      try db.execute(sql: v1)
    }
    migrator.registerMigration(v2Name) { db in
      try db.execute(sql: v2)
    }
    migrator.registerMigration(v3Name) { db in
      try db.execute(sql: v3)
    }
    migrator.registerMigration(v4Name) { db in
      try db.execute(sql: v4)
    }
    migrator.registerMigration(v5Name) { db in
      try db.execute(sql: v5)
    }
    migrator.registerMigration(v6Name) { db in
      try db.execute(sql: v6)
    }
    migrator.registerMigration(v7Name) { db in
      try db.execute(sql: v7)
    }
    migrator.registerMigration(v8Name) { db in
      try db.execute(sql: v8)
    }
    migrator.registerMigration(v9Name) { db in
      try v9(db)
    }
    migrator.registerMigration(v9RewrittenName) { _ in }
    migrator.registerMigration(v10Name) { db in
      try db.execute(sql: v10)
    }
    migrator.registerMigration(v11Name) { db in
      try v11(db)
    }
    migrator.registerMigration(v12Name) { db in
      try db.execute(sql: v12)
    }
    return migrator
  }()

  static let v1Name = "v1: accounts, catalog, orders, subscriptions, assets, idempotency"
  static let v2Name = "v2: orders, their lines and status history are immutable (O4, O5)"

  /// O5: an order never changes after creation except its status; O4: the history is
  /// append-only. Enforced by the database so no code path can break it.
  private static let v2 = """
    CREATE TRIGGER orders_immutable
    BEFORE UPDATE OF id, number, type, accountID, createdAt, createdBy, totalMinor, currency, scheduledFor ON orders
    BEGIN SELECT RAISE(ABORT, 'orders are immutable except their status'); END;
    CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders
    BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;
    CREATE TRIGGER orderLines_immutable BEFORE UPDATE ON orderLines
    BEGIN SELECT RAISE(ABORT, 'order lines are immutable'); END;
    CREATE TRIGGER orderLines_no_delete BEFORE DELETE ON orderLines
    BEGIN SELECT RAISE(ABORT, 'order lines are never deleted'); END;
    CREATE TRIGGER orderStatusChanges_immutable BEFORE UPDATE ON orderStatusChanges
    BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
    CREATE TRIGGER orderStatusChanges_no_delete BEFORE DELETE ON orderStatusChanges
    BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
    """

  private static let v1 = """
    CREATE TABLE sequences (
      name TEXT PRIMARY KEY NOT NULL,
      value INTEGER NOT NULL
    );

    CREATE TABLE accounts (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('customer', 'reseller')),
      resellerID TEXT REFERENCES accounts(id),
      createdAt DATETIME NOT NULL
    );

    CREATE TABLE products (
      sku TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      vendor TEXT NOT NULL,
      pricing TEXT NOT NULL,
      billingCycles TEXT NOT NULL,
      terms TEXT NOT NULL,
      unitPriceMinor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      minQuantity INTEGER NOT NULL,
      maxQuantity INTEGER NOT NULL,
      autoProvisioned BOOLEAN NOT NULL,
      upgradesTo TEXT NOT NULL,
      addonOf TEXT REFERENCES products(sku),
      createdAt DATETIME NOT NULL
    );

    CREATE TABLE orders (
      id TEXT PRIMARY KEY NOT NULL,
      number TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      status TEXT NOT NULL,
      accountID TEXT NOT NULL REFERENCES accounts(id),
      createdAt DATETIME NOT NULL,
      createdBy TEXT NOT NULL,
      totalMinor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      scheduledFor DATETIME
    );
    CREATE INDEX orders_account ON orders(accountID);
    CREATE INDEX orders_status ON orders(status, scheduledFor);

    CREATE TABLE orderLines (
      orderID TEXT NOT NULL REFERENCES orders(id),
      position INTEGER NOT NULL,
      sku TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      unitPriceMinor INTEGER NOT NULL,
      amountMinor INTEGER NOT NULL,
      currency TEXT NOT NULL,
      billingCycle TEXT,
      term TEXT,
      periodStart DATETIME,
      periodEnd DATETIME,
      PRIMARY KEY (orderID, position)
    );

    CREATE TABLE orderStatusChanges (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      orderID TEXT NOT NULL REFERENCES orders(id),
      time DATETIME NOT NULL,
      fromStatus TEXT,
      toStatus TEXT NOT NULL,
      reason TEXT NOT NULL,
      byActor TEXT NOT NULL
    );
    CREATE INDEX orderStatusChanges_order ON orderStatusChanges(orderID);

    CREATE TABLE subscriptions (
      id TEXT PRIMARY KEY NOT NULL,
      accountID TEXT NOT NULL REFERENCES accounts(id),
      sku TEXT NOT NULL,
      productName TEXT NOT NULL,
      status TEXT NOT NULL,
      provisioningStatus TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      billingCycle TEXT NOT NULL,
      term TEXT NOT NULL,
      autoRenew BOOLEAN NOT NULL,
      startDate DATETIME NOT NULL,
      currentPeriodEnd DATETIME NOT NULL,
      termEnd DATETIME NOT NULL,
      orderID TEXT NOT NULL REFERENCES orders(id),
      parentSubscriptionID TEXT REFERENCES subscriptions(id)
    );
    CREATE INDEX subscriptions_account ON subscriptions(accountID);
    CREATE INDEX subscriptions_periodEnd ON subscriptions(status, currentPeriodEnd);

    CREATE TABLE assets (
      id TEXT PRIMARY KEY NOT NULL,
      accountID TEXT NOT NULL REFERENCES accounts(id),
      sku TEXT NOT NULL,
      name TEXT NOT NULL,
      status TEXT NOT NULL,
      syncStatus TEXT NOT NULL,
      purchaseDate DATETIME NOT NULL,
      expirationDate DATETIME,
      softwareID TEXT,
      orderID TEXT NOT NULL REFERENCES orders(id)
    );
    CREATE INDEX assets_account ON assets(accountID);

    CREATE TABLE idempotency (
      key TEXT PRIMARY KEY NOT NULL,
      method TEXT NOT NULL,
      requestHash BLOB NOT NULL,
      response BLOB NOT NULL,
      createdAt DATETIME NOT NULL
    );
    CREATE INDEX idempotency_createdAt ON idempotency(createdAt);
    """
}
