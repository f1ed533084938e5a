extension PostgresSchema {
  /// What every schema shares, in schema `orderd`: the function the immutability triggers
  /// raise their messages with (SQLSTATE 23000, `integrity_constraint_violation`, which the
  /// storage reports as FAILED_PRECONDITION like SQLite's `RAISE(ABORT)`).
  static let shared = [
    "CREATE SCHEMA IF NOT EXISTS orderd",
    """
    CREATE OR REPLACE FUNCTION orderd.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
    END $$
    """,
  ]

  /// The registry at the baseline, in schema `orderd` (`search_path`): equal in tables and
  /// columns to `registry.sqlite` at v5 (``registryBaselineMigrations``), with the same types
  /// as the organizations' (``organizationBaseline``), except that `wakeups` refers to no
  /// organization row: an organization's own transactions write its wake-up (with the job
  /// they enqueue, ``PostgresWriteQueue``), also before its registry row commits; plus
  /// `writer`, the row every registry write locks first, so that registry writes stay
  /// serialized across nodes.
  static let registryBaseline = statements(
    """
    CREATE TABLE schema_migrations (
      identifier text COLLATE "C" PRIMARY KEY
    );
    CREATE TABLE writer (
      id bigint PRIMARY KEY CHECK (id = 1)
    );
    INSERT INTO writer VALUES (1);
    CREATE TABLE organizations (
      id text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL CHECK (kind IN ('root', 'tenant', 'countryTenant')),
      parentID text COLLATE "C" REFERENCES organizations(id) DEFERRABLE,
      currency text COLLATE "C" NOT NULL,
      createdAt text COLLATE "C" NOT NULL,
      parentAccountID text COLLATE "C",
      CHECK ((kind = 'root') = (parentID IS NULL))
    );
    CREATE UNIQUE INDEX organizations_one_root ON organizations(kind) WHERE kind = 'root';
    CREATE INDEX organizations_parent ON organizations(parentID);
    CREATE TABLE apiKeys (
      id text COLLATE "C" PRIMARY KEY,
      organizationID text COLLATE "C" NOT NULL REFERENCES organizations(id) DEFERRABLE,
      role text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'storefront')),
      accountID text COLLATE "C",
      secretHash bytea NOT NULL,
      createdAt text COLLATE "C" NOT NULL,
      revokedAt text COLLATE "C",
      CHECK ((role = 'storefront') = (accountID IS NOT NULL))
    );
    CREATE INDEX apiKeys_organization ON apiKeys(organizationID);
    CREATE TABLE serverState (
      key text COLLATE "C" PRIMARY KEY,
      value text COLLATE "C" NOT NULL
    );
    CREATE TABLE wakeups (
      organizationID text COLLATE "C" PRIMARY KEY,
      dueAt text COLLATE "C" NOT NULL,
      claimedBy text COLLATE "C",
      claimExpiresAt text COLLATE "C"
    );
    CREATE INDEX wakeups_due ON wakeups(dueAt);
    CREATE TABLE operations (
      id text COLLATE "C" PRIMARY KEY,
      kind text COLLATE "C" NOT NULL CHECK (kind IN ('createOrganization', 'createKey')),
      state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'done')),
      callerID text COLLATE "C" NOT NULL REFERENCES organizations(id) DEFERRABLE,
      keyHash bytea,
      method text COLLATE "C",
      requestHash bytea,
      organizationID text COLLATE "C" NOT NULL,
      name text COLLATE "C",
      organizationKind text COLLATE "C" CHECK (organizationKind IN ('tenant', 'countryTenant')),
      currency text COLLATE "C",
      parentAccountID text COLLATE "C",
      keyID text COLLATE "C" NOT NULL,
      role text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'storefront')),
      accountID text COLLATE "C",
      secretHash bytea NOT NULL,
      salt bytea,
      sealedSecret bytea,
      createdAt text COLLATE "C" NOT NULL,
      CHECK ((kind = 'createOrganization') = (organizationKind IS NOT NULL)),
      CHECK (
        (keyHash IS NULL) = (method IS NULL) AND (method IS NULL) = (requestHash IS NULL)
        AND (requestHash IS NULL) = (salt IS NULL) AND (salt IS NULL) = (sealedSecret IS NULL))
    );
    CREATE UNIQUE INDEX operations_idempotencyKey ON operations(callerID, keyHash) WHERE keyHash IS NOT NULL;
    CREATE INDEX operations_pending ON operations(state) WHERE state = 'pending';
    CREATE INDEX operations_createdAt ON operations(createdAt);
    """)
}
