/// How the background work runs. The defaults suit production; tests shorten the idle wait
/// to prove that the runner keeps working after many idle periods.
public struct BackgroundWorkConfiguration: Sendable {
  var scheduler = WorkScheduler.Configuration()

  public init() {}

  /// Organizations whose due jobs run at the same time.
  public var concurrentOrganizations: Int {
    get { self.scheduler.concurrentOrganizations }
    set { self.scheduler.concurrentOrganizations = max(1, newValue) }
  }

  /// The longest the runner sleeps without looking at the clock (it wakes earlier for new
  /// work or work coming due).
  public var maximumIdleWait: Duration {
    get { self.scheduler.maximumIdleWait }
    set { self.scheduler.maximumIdleWait = max(.milliseconds(1), newValue) }
  }

  /// How long this node's claim on an organization's due work holds unless renewed (issue 14;
  /// wall clock, renewed every third of it while the organization runs): how long a node that
  /// dies holds back the work it claimed from the other nodes.
  public var workLease: Duration {
    get { self.scheduler.workLease }
    set { self.scheduler.workLease = max(.milliseconds(30), newValue) }
  }
}
