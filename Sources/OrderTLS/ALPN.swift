/// The ALPN protocol names orderd's listeners offer in the TLS handshake.
public enum ALPN {
  /// orderd's own protocol (protocol/PROTOCOL.md), framing unchanged inside TLS.
  public static let orderWire = "orderd/1"
  /// gRPC over HTTP/2, the standard name.
  public static let http2 = "h2"
}
