import Foundation
import NIOCore
import NIOTestUtils
import OrderWire
import Testing

@Suite("Protocol vectors", .timeLimit(.minutes(5)))
struct VectorTests {
  @Test("every valid vector decodes to its frame and encodes back to the same bytes")
  func validVectors() throws {
    let vectors = try Vector.all().filter { $0.vector.frame != nil }
    #expect(vectors.count >= 17)
    for (name, vector) in vectors {
      guard let expected = vector.frame?.frame else { continue }
      var decoder = FrameDecoder(expectPreface: !vector.afterPreface)
      var input = vector.bytes
      let decoded = try decoder.decodeFrame(from: &input)
      #expect(decoded == expected, "\(name): decoded")
      #expect(input.readableBytes == 0, "\(name): all bytes consumed")

      var encoded = ByteBuffer()
      FrameEncoder.encode(expected, into: &encoded)
      #expect(encoded == vector.bytes, "\(name): encoded bytes")
    }
  }

  @Test("every valid vector decodes the same when fed byte by byte and in odd chunks")
  func validVectorsByteByByte() throws {
    // The verifier feeds one decoder repeatedly, so prefaces (decoded once) are left out.
    for (name, vector) in try Vector.all() where vector.afterPreface {
      guard let expected = vector.frame?.frame else { continue }
      let expectPreface = false
      #expect(throws: Never.self, "\(name)") {
        try ByteToMessageDecoderVerifier.verifyDecoder(
          inputOutputPairs: [(vector.bytes, [expected])],
          decoderFactory: { FrameDecoder(expectPreface: expectPreface) }
        )
      }
    }
  }

  @Test("the test bundle's vectors are the ones in protocol/vectors")
  func copyIsCurrent() throws {
    let source = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()
      .appendingPathComponent("../../protocol/vectors")
    let copy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")
    let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".json") }
    let copied = try FileManager.default.contentsOfDirectory(atPath: copy.path).filter { $0.hasSuffix(".json") }
    #expect(Set(names) == Set(copied), "run protocol/vectors/generate.py, which refreshes the copy")
    for name in names {
      let original = try Data(contentsOf: source.appendingPathComponent(name))
      let duplicate = try? Data(contentsOf: copy.appendingPathComponent(name))
      #expect(original == duplicate, "\(name) differs from protocol/vectors")
    }
  }

  @Test("every invalid vector is rejected with its GOAWAY code")
  func invalidVectors() throws {
    let vectors = try Vector.all().filter { $0.vector.error != nil }
    #expect(vectors.count >= 8)
    for (name, vector) in vectors {
      var decoder = FrameDecoder(expectPreface: !vector.afterPreface)
      var input = vector.bytes
      let error = #expect(throws: WireError.self, "\(name)") {
        _ = try decoder.decodeFrame(from: &input)
      }
      #expect(error?.code.description == vector.error, "\(name): \(String(describing: error))")
    }
  }
}
