import OrderProtocol
import OrderTesting
import Testing

/// Issue 12: `orderd --version`, `orderctl --version` and `orderctl completion`, run as built.
@Suite("Versions and shell completion", .timeLimit(.minutes(2)))
struct CommandLineToolsTests {
  @Test("orderd --version and orderctl --version print the one version string", arguments: ["orderd", "orderctl"])
  func version(tool: String) async throws {
    let result = try await runExecutable(tool, ["--version"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == OrderdVersion.current + "\n")
  }

  @Test("orderctl completion prints each shell's script naming orderctl and its commands")
  func completion() async throws {
    let bash = try await runExecutable("orderctl", ["completion", "bash"])
    #expect(bash.status == 0)
    #expect(bash.stdout.contains("-F _orderctl orderctl"))
    #expect(bash.stdout.contains("orderctl"))
    let zsh = try await runExecutable("orderctl", ["completion", "zsh"])
    #expect(zsh.status == 0)
    #expect(zsh.stdout.hasPrefix("#compdef orderctl"))
    let fish = try await runExecutable("orderctl", ["completion", "fish"])
    #expect(fish.status == 0)
    #expect(fish.stdout.contains("complete -c 'orderctl'"))
    for script in [bash.stdout, zsh.stdout, fish.stdout] {
      #expect(script.contains("order"))
      #expect(script.contains("completion"))
    }
  }

  @Test("orderctl completion refuses another shell as a usage error")
  func unknownShell() async throws {
    let result = try await runExecutable("orderctl", ["completion", "tcsh"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("bash"))
  }
}
