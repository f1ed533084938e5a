import ArgumentParser

/// An on/off setting typed as `on` or `off`: `--auto-renew off`.
struct Switch: ExpressibleByArgument {
  let isOn: Bool

  init?(argument: String) {
    switch argument {
    case "on": self.isOn = true
    case "off": self.isOn = false
    default: return nil
    }
  }

  static var allValueStrings: [String] { ["on", "off"] }
}
