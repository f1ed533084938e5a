extension OrganizationSchema {
  static let v8Name = "v8: due work at volume"

  /// Executing due work must stay linear in the amount of work: finding a job by kind and
  /// subject, an account's subscriptions of some SKUs and a subscription's add-ons are
  /// index look-ups, not scans of every job or every subscription of the account.
  static let v8 = """
    CREATE INDEX jobs_kindSubject ON jobs(kind, subject);
    CREATE INDEX subscriptions_accountSku ON subscriptions(accountID, sku);
    CREATE INDEX subscriptions_parent ON subscriptions(parentSubscriptionID);
    """
}
