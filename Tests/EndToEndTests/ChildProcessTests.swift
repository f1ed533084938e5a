import Foundation
import OrderTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Child processes of the tests", .timeLimit(.minutes(1)))
struct ChildProcessTests {
  /// NIO opens sockets without close-on-exec; a spawned `orderd` that inherited a test's
  /// listener kept its port bound for its whole life, and a test restarting a server on that
  /// port failed with "Address already in use".
  @Test("a child inherits no socket of the test process: a closed listener's port is free again")
  func childInheritsNoSocket() throws {
    let listener = try Self.listen(port: 0)
    let port = try Self.port(of: listener)
    let child = try ChildProcess(executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["60"])
    defer {
      child.signal(SIGKILL)
      child.waitUntilExit()
    }
    close(listener)
    let again = try Self.listen(port: port)
    close(again)
  }

  static func listen(port: UInt16) throws -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw Failure("socket: errno \(errno)") }
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(port.bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, Glibc.listen(descriptor, 8) == 0 else {
      let code = errno
      close(descriptor)
      throw Failure("cannot listen on 127.0.0.1:\(port): \(String(cString: strerror(code)))")
    }
    return descriptor
  }

  static func port(of descriptor: Int32) throws -> UInt16 {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let status = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    guard status == 0 else { throw Failure("getsockname: errno \(errno)") }
    return UInt16(bigEndian: address.sin_port)
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
