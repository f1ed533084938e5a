extension OrganizationSchema {
  static let v5Name = "v5: change timing, future requests, settings, subscription feed"

  /// How each change order is timed and whether the vendor has it (H1, H8, H9): the timing
  /// is immutable like the order; the vendor sync status moves. One future request per
  /// subscription (F1). One row of organization settings. An index for a subscription's
  /// "Notifications and Updates" feed (F3).
  static let v5 = """
    CREATE TABLE orderScheduling (
      orderID TEXT PRIMARY KEY NOT NULL REFERENCES orders(id),
      timing TEXT NOT NULL CHECK (timing IN ('now', 'onRenewal', 'customDate')),
      vendorSyncStatus TEXT CHECK (vendorSyncStatus IN ('synced', 'pending'))
    );
    CREATE INDEX orderScheduling_timing ON orderScheduling(timing);
    CREATE TRIGGER orderScheduling_timing_immutable BEFORE UPDATE OF orderID, timing ON orderScheduling
    BEGIN SELECT RAISE(ABORT, 'the timing of an order cannot change'); END;
    CREATE TRIGGER orderScheduling_no_delete BEFORE DELETE ON orderScheduling
    BEGIN SELECT RAISE(ABORT, 'the timing of an order is never deleted'); END;

    CREATE TABLE futureRequests (
      subscriptionID TEXT PRIMARY KEY NOT NULL REFERENCES subscriptions(id),
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      createdAt DATETIME NOT NULL,
      createdBy TEXT NOT NULL
    );

    CREATE TABLE settings (
      id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
      scheduleHorizonDays INTEGER NOT NULL,
      backordering BOOLEAN
    );
    INSERT INTO settings (id, scheduleHorizonDays, backordering) VALUES (1, 365, NULL);

    CREATE INDEX notifications_subject ON notifications(subjectKind, subjectID, position);
    """
}
