import GRDB

/// Schema versions of `registry.sqlite`.
enum RegistrySchema {
  static var migrator: DatabaseMigrator {
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
    return migrator
  }
}
