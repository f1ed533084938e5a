import GRPCCore
import OrderProtocol

extension Access {
  /// Every method of the orderd API and who may call it. A method missing here is refused,
  /// so a new RPC cannot be served before someone decides its access.
  static let methods: [String: Access] = {
    var table: [String: Access] = [:]
    func set(_ access: Access, _ descriptors: [MethodDescriptor]) {
      for descriptor in descriptors { table[descriptor.fullyQualifiedMethod] = access }
    }
    typealias Organizations = Orders_V1_OrganizationService.Method
    typealias Keys = Orders_V1_KeyService.Method
    typealias Accounts = Orders_V1_AccountService.Method
    typealias Catalog = Orders_V1_CatalogService.Method
    typealias Orders = Orders_V1_OrderService.Method
    typealias Subscriptions = Orders_V1_SubscriptionService.Method
    typealias Clock = Orders_V1_ClockService.Method
    typealias Invoices = Orders_V1_InvoiceService.Method
    typealias Vendors = Orders_V1_VendorService.Method
    typealias Notifications = Orders_V1_NotificationService.Method

    set(
      .admin,
      [
        Organizations.CreateOrganization.descriptor, Keys.CreateKey.descriptor, Keys.RevokeKey.descriptor,
        Keys.ListKeys.descriptor, Accounts.CreateAccount.descriptor, Catalog.CreateProduct.descriptor,
      ])
    set(
      .anyRole,
      [
        Organizations.ListOrganizations.descriptor, Organizations.GetOrganization.descriptor,
        Accounts.ListAccounts.descriptor, Accounts.GetAccount.descriptor, Catalog.ListProducts.descriptor,
        Catalog.GetProduct.descriptor, Orders.PlaceOrder.descriptor, Orders.ListOrders.descriptor,
        Orders.GetOrder.descriptor, Subscriptions.ListSubscriptions.descriptor,
        Subscriptions.GetSubscription.descriptor, Subscriptions.ListAssets.descriptor,
        Subscriptions.GetAsset.descriptor, Clock.GetClock.descriptor,
      ])
    set(.rootAdmin, [Clock.AdvanceClock.descriptor])
    typealias Backorders = Orders_V1_BackorderService.Method
    set(.admin, Backorders.descriptors)
    set(
      .admin,
      [
        Organizations.GetOrganizationSettings.descriptor, Organizations.UpdateOrganizationSettings.descriptor,
        Subscriptions.SyncVendorChange.descriptor,
      ])
    set(
      .anyRole,
      [
        Subscriptions.ListScheduledChanges.descriptor, Subscriptions.SetFutureRequest.descriptor,
        Subscriptions.RevokeFutureRequest.descriptor, Subscriptions.ListSubscriptionFeed.descriptor,
      ])
    set(
      .admin,
      [
        Orders.RetryOrder.descriptor, Invoices.PayInvoice.descriptor, Vendors.SetVendorBehavior.descriptor,
        Vendors.GetVendorBehavior.descriptor,
      ])
    set(
      .anyRole,
      [
        Orders.CancelOrder.descriptor, Orders.GetOrderFlow.descriptor, Subscriptions.ChangeSubscription.descriptor,
        Subscriptions.ResyncSubscription.descriptor, Subscriptions.ResyncAsset.descriptor,
        Invoices.ListInvoices.descriptor, Invoices.GetInvoice.descriptor, Notifications.ListNotifications.descriptor,
        Notifications.WatchNotifications.descriptor,
      ])
    return table
  }()
}
