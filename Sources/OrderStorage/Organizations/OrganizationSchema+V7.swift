extension OrganizationSchema {
  static let v7Name = "v7: what an order created, by order"

  /// Provisioning and backordering read an order's subscriptions and assets on every order.
  static let v7 = """
    CREATE INDEX subscriptions_order ON subscriptions(orderID);
    CREATE INDEX assets_order ON assets(orderID);
    """
}
