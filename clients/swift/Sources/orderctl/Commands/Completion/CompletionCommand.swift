import ArgumentParser

/// `orderctl completion bash|zsh|fish`: the shell completion script, from argument-parser.
struct CompletionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "completion",
    abstract: "Print the shell completion script for bash, zsh or fish.",
    discussion: """
      Load it in the running shell or install it, e.g.:
        bash: source <(orderctl completion bash)
        zsh:  orderctl completion zsh > "${fpath[1]}/_orderctl"
        fish: orderctl completion fish > ~/.config/fish/completions/orderctl.fish
      """)

  @Argument(help: "bash, zsh or fish.")
  var shell: Shell

  enum Shell: String, ExpressibleByArgument, CaseIterable {
    case bash, zsh, fish
  }

  func run() {
    guard let shell = CompletionShell(rawValue: self.shell.rawValue) else { return }
    print(Orderctl.completionScript(for: shell))
  }
}
