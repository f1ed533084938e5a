import ArgumentParser
import OrderClient
import OrderProtocol

extension OrderCommand {
  struct Flow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the flow of an order type: statuses, transitions, stalls and final statuses."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The order type: SO, RN, BO, CH, PO, CL, CF or RC.")
    var type: Choice<Orders_V1_OrderType>

    func run() async throws {
      var request = Orders_V1_GetOrderFlowRequest()
      request.type = self.type.value
      try await self.connection.run { client in
        let flow = try await client.getOrderFlow(request)
        try self.connection.output.emit(flow) { $0.text }
      }
    }
  }

  struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the recorded status changes of an order: when, from, to, by whom and why."
    )

    @OptionGroup(title: "Connection Options") var connection: ConnectionOptions

    @Argument(help: "The order's id or number (SO-000042).")
    var id: String

    func run() async throws {
      var request = Orders_V1_GetOrderRequest()
      request.id = self.id
      try await self.connection.run { client in
        let order = try await client.getOrder(request)
        try self.connection.output.emit(order) { $0.historyText }
      }
    }
  }
}
