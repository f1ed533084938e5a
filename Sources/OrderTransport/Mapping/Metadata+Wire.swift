import GRPCCore
import OrderWire

extension Metadata {
  init(wire: WireMetadata) {
    self.init()
    self.reserveCapacity(wire.count)
    for entry in wire {
      switch entry.value {
      case .string(let value): self.addString(value, forKey: entry.key)
      case .binary(let value): self.addBinary(value, forKey: entry.key)
      }
    }
  }

  var wire: WireMetadata {
    self.map { entry in
      switch entry.value {
      case .string(let value): .string(entry.key, value)
      case .binary(let value): .binary(entry.key, value)
      }
    }
  }
}
