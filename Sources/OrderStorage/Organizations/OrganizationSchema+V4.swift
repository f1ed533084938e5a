extension OrganizationSchema {
  static let v4Name = "v4: the actions of change orders"

  /// What a change order asks for, kept with the order so that it can run later (a
  /// retried stall, a custom date, a renewal) against the subscription as it is then.
  /// Immutable like the order itself (O5).
  static let v4 = """
    CREATE TABLE orderChangeActions (
      orderID TEXT PRIMARY KEY NOT NULL REFERENCES orders(id),
      actions TEXT NOT NULL
    );
    CREATE TRIGGER orderChangeActions_immutable BEFORE UPDATE ON orderChangeActions
    BEGIN SELECT RAISE(ABORT, 'the actions of an order cannot change'); END;
    """
}
