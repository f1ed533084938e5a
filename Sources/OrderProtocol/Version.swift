/// The version of orderd and orderctl (`orderd --version`, `orderctl --version`), kept here
/// because both see this module. Raised with each release.
public enum OrderdVersion {
  public static let current = "0.12.0"
}
