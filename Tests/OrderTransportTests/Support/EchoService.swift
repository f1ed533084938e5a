import GRPCCore

/// A tiny service over strings, one method per kind of call plus a few for edge cases.
struct EchoService: RegistrableRPCService {
  enum Method {
    static let get = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Get")
    static let expand = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Expand")
    static let collect = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Collect")
    static let update = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Update")
    /// Waits until the call is cancelled (or 60 s), recording the cancellation in the probe.
    static let wait = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Wait")
    /// Sleeps for the requested number of milliseconds, then answers with the caller's address.
    static let slow = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Slow")
    /// Streams N messages of 64 KiB, N being the request, counting them in the probe.
    static let flood = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Flood")
    /// Answers with a message of N zero bytes, N being the request.
    static let zeros = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Zeros")
    /// Never reads its request; ends when the call is cancelled.
    static let ignore = MethodDescriptor(fullyQualifiedService: "echo.Echo", method: "Ignore")
  }

  let probe: Probe

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    let coder = StringCoder()
    router.registerHandler(forMethod: Method.get, deserializer: coder, serializer: coder) { request, _ in
      let message = try await request.messages.reduce(into: "") { $0 += $1 }
      // Echo the caller's "x-" metadata as initial metadata and, renamed, as trailers.
      let echoed = Metadata(request.metadata.filter { $0.key.hasPrefix("x-") })
      let trailing = Metadata(echoed.map { (key: "echo-" + $0.key, value: $0.value) })
      return StreamingServerResponse(metadata: echoed) { writer in
        try await writer.write(message)
        return trailing
      }
    }
    router.registerHandler(forMethod: Method.expand, deserializer: coder, serializer: coder) { request, _ in
      let message = try await request.messages.reduce(into: "") { $0 += $1 }
      return StreamingServerResponse { writer in
        for word in message.split(separator: " ") { try await writer.write(String(word)) }
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.collect, deserializer: coder, serializer: coder) { request, _ in
      let words = try await request.messages.reduce(into: [String]()) { $0.append($1) }
      return StreamingServerResponse { writer in
        try await writer.write(words.joined(separator: " "))
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.update, deserializer: coder, serializer: coder) { request, _ in
      StreamingServerResponse { writer in
        for try await message in request.messages { try await writer.write(message.uppercased()) }
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.wait, deserializer: coder, serializer: coder) { request, context in
      await self.probe.record("started")
      do {
        _ = try await request.messages.reduce(into: "") { $0 += $1 }
      } catch {
        // Cancelled before the request was even read.
        await self.probe.record(context.cancellation.isCancelled ? "cancelled" : "request failed")
        throw error
      }
      let deadline = ContinuousClock.now + .seconds(60)
      while !context.cancellation.isCancelled, ContinuousClock.now < deadline {
        // The handler's task may be cancelled without the call's handle: stop, do not spin.
        do { try await Task.sleep(for: .milliseconds(5)) } catch { break }
      }
      await self.probe.record(context.cancellation.isCancelled ? "cancelled" : "timed out")
      return StreamingServerResponse { writer in
        try await writer.write("done")
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.slow, deserializer: coder, serializer: coder) { request, context in
      let message = try await request.messages.reduce(into: "") { $0 += $1 }
      await self.probe.record("slow started")
      try await Task.sleep(for: .milliseconds(Int(message) ?? 0))
      return StreamingServerResponse { writer in
        try await writer.write(context.remotePeer)
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.flood, deserializer: coder, serializer: coder) { request, _ in
      let message = try await request.messages.reduce(into: "") { $0 += $1 }
      let chunk = String(repeating: "f", count: 64 << 10)
      return StreamingServerResponse { writer in
        for _ in 0..<(Int(message) ?? 0) {
          try await writer.write(chunk)
          await self.probe.record("sent")
        }
        return [:]
      }
    }
    router.registerHandler(forMethod: Method.ignore, deserializer: coder, serializer: coder) { _, context in
      await self.probe.record("ignoring")
      while !context.cancellation.isCancelled {
        do { try await Task.sleep(for: .milliseconds(10)) } catch { break }
      }
      await self.probe.record("ignore cancelled")
      throw RPCError(code: .cancelled, message: "cancelled")
    }
    router.registerHandler(forMethod: Method.zeros, deserializer: coder, serializer: coder) { request, _ in
      let message = try await request.messages.reduce(into: "") { $0 += $1 }
      let count = Int(message) ?? 0
      return StreamingServerResponse { writer in
        try await writer.write(String(repeating: "\0", count: count))
        return [:]
      }
    }
  }
}
