extension Duration {
  /// The duration in seconds, with its fraction.
  public var inSeconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
