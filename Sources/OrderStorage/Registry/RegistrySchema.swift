import GRDB

/// Schema versions of `registry.sqlite`.
enum RegistrySchema {
  /// Built once: every database opened uses it.
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: organizations, API keys, server state") { db in
      try db.execute(
        sql: """
          CREATE TABLE organizations (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('root', 'tenant', 'countryTenant')),
            parentID TEXT REFERENCES organizations(id),
            currency TEXT NOT NULL,
            createdAt DATETIME NOT NULL,
            CHECK ((kind = 'root') = (parentID IS NULL))
          );
          -- T1: the root exists exactly once.
          CREATE UNIQUE INDEX organizations_one_root ON organizations(kind) WHERE kind = 'root';
          CREATE INDEX organizations_parent ON organizations(parentID);

          CREATE TABLE apiKeys (
            id TEXT PRIMARY KEY NOT NULL,
            organizationID TEXT NOT NULL REFERENCES organizations(id),
            role TEXT NOT NULL CHECK (role IN ('admin', 'storefront')),
            accountID TEXT,
            secretHash BLOB NOT NULL,
            createdAt DATETIME NOT NULL,
            revokedAt DATETIME,
            CHECK ((role = 'storefront') = (accountID IS NOT NULL))
          );
          CREATE INDEX apiKeys_organization ON apiKeys(organizationID);

          CREATE TABLE serverState (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          );
          """)
    }
    migrator.registerMigration("v2: wakeups") { db in
      // The next due time of each organization's job queue, so the server finds the
      // organizations with due work without opening every database.
      try db.execute(
        sql: """
          CREATE TABLE wakeups (
            organizationID TEXT PRIMARY KEY NOT NULL REFERENCES organizations(id),
            dueAt DATETIME NOT NULL
          );
          CREATE INDEX wakeups_due ON wakeups(dueAt);
          """)
    }
    migrator.registerMigration("v3: child accounts") { db in
      // B2: a child's own account in its parent organization, where its backorders go.
      try db.execute(sql: "ALTER TABLE organizations ADD COLUMN parentAccountID TEXT")
    }
    migrator.registerMigration("v4: operations") { db in
      // Issue 10: creating an organization or a key is recorded here before its work, with the
      // ids chosen up front, and marked done with the work's last step (RegistryOperation).
      // A call's idempotency key finds it by (callerID, keyHash); the new key's secret is only
      // kept sealed under that idempotency key (salt, sealedSecret), never in the clear.
      try db.execute(
        sql: """
          CREATE TABLE operations (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('createOrganization', 'createKey')),
            state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
            callerID TEXT NOT NULL REFERENCES organizations(id),
            keyHash BLOB,
            method TEXT,
            requestHash BLOB,
            organizationID TEXT NOT NULL,
            name TEXT,
            organizationKind TEXT CHECK (organizationKind IN ('tenant', 'countryTenant')),
            currency TEXT,
            parentAccountID TEXT,
            keyID TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'storefront')),
            accountID TEXT,
            secretHash BLOB NOT NULL,
            salt BLOB,
            sealedSecret BLOB,
            createdAt DATETIME NOT NULL,
            CHECK ((kind = 'createOrganization') = (organizationKind IS NOT NULL)),
            -- With an idempotency key, all of these; without one, none.
            CHECK (
              (keyHash IS NULL) = (method IS NULL) AND (method IS NULL) = (requestHash IS NULL)
              AND (requestHash IS NULL) = (salt IS NULL) AND (salt IS NULL) = (sealedSecret IS NULL))
          );
          CREATE UNIQUE INDEX operations_idempotencyKey ON operations(callerID, keyHash) WHERE keyHash IS NOT NULL;
          CREATE INDEX operations_pending ON operations(state) WHERE state = 'pending';
          CREATE INDEX operations_createdAt ON operations(createdAt);
          """)
    }
    migrator.registerMigration("v5: claims of due work") { db in
      // Issue 14: the node that runs an organization's due work now, and until when its claim
      // holds (on the wall clock); a claim no one renews expires and the work is claimed again.
      try db.execute(
        sql: """
          ALTER TABLE wakeups ADD COLUMN claimedBy TEXT;
          ALTER TABLE wakeups ADD COLUMN claimExpiresAt DATETIME;
          """)
    }
    return migrator
  }()
}
