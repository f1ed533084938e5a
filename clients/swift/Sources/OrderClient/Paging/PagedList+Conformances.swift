import OrderProtocol

extension Orders_V1_ListAccountsRequest: PagedListRequest {}
extension Orders_V1_ListBackordersRequest: PagedListRequest {}
extension Orders_V1_ListProductsRequest: PagedListRequest {}
extension Orders_V1_ListInvoicesRequest: PagedListRequest {}
extension Orders_V1_ListKeysRequest: PagedListRequest {}
extension Orders_V1_ListNotificationsRequest: PagedListRequest {}
extension Orders_V1_ListOrdersRequest: PagedListRequest {}
extension Orders_V1_ListOrganizationsRequest: PagedListRequest {}
extension Orders_V1_ListSubscriptionsRequest: PagedListRequest {}
extension Orders_V1_ListAssetsRequest: PagedListRequest {}
extension Orders_V1_ListScheduledChangesRequest: PagedListRequest {}
extension Orders_V1_ListSubscriptionFeedRequest: PagedListRequest {}

extension Orders_V1_ListAccountsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Account] {
    get { self.accounts }
    set { self.accounts = newValue }
  }
}

extension Orders_V1_ListBackordersResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Backorder] {
    get { self.backorders }
    set { self.backorders = newValue }
  }
}

extension Orders_V1_ListProductsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Product] {
    get { self.products }
    set { self.products = newValue }
  }
}

extension Orders_V1_ListInvoicesResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Invoice] {
    get { self.invoices }
    set { self.invoices = newValue }
  }
}

extension Orders_V1_ListKeysResponse: PagedListResponse {
  public var pageItems: [Orders_V1_ApiKey] {
    get { self.keys }
    set { self.keys = newValue }
  }
}

extension Orders_V1_ListNotificationsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Notification] {
    get { self.notifications }
    set { self.notifications = newValue }
  }

  /// The items and the token, and the last position: the following page's.
  public mutating func append(_ next: Self) {
    self.notifications += next.notifications
    self.nextPageToken = next.nextPageToken
    self.lastPosition = next.lastPosition
  }
}

extension Orders_V1_ListOrdersResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Order] {
    get { self.orders }
    set { self.orders = newValue }
  }
}

/// The children are paged; the caller's own organization is on every page.
extension Orders_V1_ListOrganizationsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Organization] {
    get { self.children }
    set { self.children = newValue }
  }
}

extension Orders_V1_ListSubscriptionsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Subscription] {
    get { self.subscriptions }
    set { self.subscriptions = newValue }
  }
}

extension Orders_V1_ListAssetsResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Asset] {
    get { self.assets }
    set { self.assets = newValue }
  }
}

extension Orders_V1_ListScheduledChangesResponse: PagedListResponse {
  public var pageItems: [Orders_V1_ScheduledChange] {
    get { self.changes }
    set { self.changes = newValue }
  }
}

extension Orders_V1_ListSubscriptionFeedResponse: PagedListResponse {
  public var pageItems: [Orders_V1_Notification] {
    get { self.entries }
    set { self.entries = newValue }
  }
}
