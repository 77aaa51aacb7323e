package io.leadgate.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationTest {

  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration SKEW = Duration.ofSeconds(5);

  static final Duration TOLERANCE = Duration.ofMillis(50);

  static OrgBudget budget(long limit, Settings settings, long observed) {
    return Allocation.observe(
        OrgBudget.unobserved("org", limit, settings),
        observed,
        limit,
        NOW.minusSeconds(1),
        NOW.minusSeconds(2));
  }

  /** An org whose usage Salesforce reported a second ago, with no lease yet. */
  static OrgAccount account(long limit, int capPercent, long observed) {
    return new OrgAccount(budget(limit, capPercent, observed), SKEW, TOLERANCE);
  }

  static OrgBudget budget(long limit, int capPercent, long observed) {
    return budget(limit, new Settings(capPercent, 80, BudgetPacing.OFF, 0), observed);
  }

  @ParameterizedTest(name = "limit {0}, cap {1}%, observed {2}, {4} asks {3} -> {5}")
  @CsvSource({
    // limit, cap%, observed, requested, purpose, reserve, pacing, granted, mode after
    "15000, 50,    0,   10, CHECK,    0, OFF,  10, BLUE",
    "15000, 50, 7490,   10, CHECK,    0, OFF,  10, EXHAUSTED",
    "15000, 50, 7495,   10, CHECK,    0, OFF,   5, EXHAUSTED",
    "15000, 50, 7500,   10, CHECK,    0, OFF,   0, EXHAUSTED",
    "15000, 50, 9000,   10, CHECK,    0, OFF,   0, EXHAUSTED",
    "15000, 70, 7500,   10, CHECK,    0, OFF,  10, BLUE",
    "15000, 50, 5990,   10, CHECK,    0, OFF,  10, GOLDEN",
    "100,  100,   99,    5, CHECK,    0, OFF,   1, EXHAUSTED",
    "100,    1,    0,    5, CHECK,    0, OFF,   1, EXHAUSTED",
    // the reserve is for creates only
    "15000, 50, 7300,  500, CHECK,  200, OFF,   0, GOLDEN",
    "15000, 50, 7300,  500, CREATE, 200, OFF, 200, EXHAUSTED",
    "15000, 50, 7250,  500, CHECK,  200, OFF,  50, GOLDEN",
    // EVEN pacing: a 24th of the 7,500 cap per trailing hour (313)
    "15000, 50,    0, 1000, CHECK,    0, EVEN, 313, BLUE",
    "15000, 50, 7400, 1000, CHECK,    0, EVEN, 100, EXHAUSTED"
  })
  void grantsOnlyTheHeadroomUnderTheCap(
      long limit,
      int cap,
      long observed,
      long requested,
      Purpose purpose,
      long reserve,
      BudgetPacing pacing,
      long granted,
      BudgetMode mode) {
    OrgBudget before = budget(limit, new Settings(cap, 80, pacing, reserve), observed);

    Allocation.Decision decision = Allocation.request(before, requested, purpose, "l1", NOW, LEASE);

    assertThat(decision.lease().granted()).isEqualTo(granted);
    assertThat(decision.budget().mode(NOW)).isEqualTo(mode);
    assertInvariant(decision.budget(), NOW);
  }

  @Test
  void anUnreportedLeaseCountsUntilAReadingRequestedAfterItExpired() {
    OrgAccount account = account(1000, 10, 0);
    account.request(100, Purpose.CHECK, "a", NOW, LEASE);
    Instant expiry = NOW.plus(LEASE);

    assertThat(account.request(1, Purpose.CHECK, "b", NOW, LEASE).granted()).isZero();
    assertThat(account.request(1, Purpose.CHECK, "b", expiry.plusSeconds(1), LEASE).granted())
        .isZero();
    // Requested before the lease expired (tolerance included): its last calls may come later.
    account.observe(60, 1000, expiry.plusSeconds(2), expiry.minusMillis(1));
    assertThat(account.budget(expiry.plusSeconds(2)).outstanding()).isEqualTo(100);
    account.observe(100, 1000, expiry.plusSeconds(3), expiry.plus(TOLERANCE).plusMillis(1));

    assertThat(account.budget(expiry.plusSeconds(3)).outstanding()).isZero();
    // The reading counts the 100 itself.
    assertThat(account.request(1, Purpose.CHECK, "c", expiry.plusSeconds(3), LEASE).granted())
        .isZero();
  }

  @Test
  void aReportedLeaseReturnsItsUnusedCalls() {
    OrgAccount account = account(1000, 10, 0);
    account.request(100, Purpose.CHECK, "a", NOW, LEASE);

    account.report("a", 30, NOW.plusSeconds(1));

    assertThat(account.budget(NOW.plusSeconds(2)).committed(NOW.plusSeconds(2))).isEqualTo(30);
    assertThat(account.request(100, Purpose.CHECK, "b", NOW.plusSeconds(2), LEASE).granted())
        .isEqualTo(70);
  }

  @ParameterizedTest(name = "reading requested {0} ms after the report: {1} still outstanding")
  @CsvSource({
    // requested after the report (ms), outstanding after the reading
    "-1000, 30",
    "    0, 30",
    "   50, 30", // within the clock tolerance: the caller's clock may be ahead
    "   51,  0",
    " 3000,  0"
  })
  void aReadingRequestedAfterTheReportSettlesItsCallsWithoutWaitingForTheSkew(
      long requestedAfterMillis, long outstanding) {
    OrgAccount account = account(1000, 10, 0);
    account.request(100, Purpose.CHECK, "a", NOW, LEASE);
    Instant reported = NOW.plusSeconds(1);
    account.report("a", 30, reported);
    Instant requested = reported.plusMillis(requestedAfterMillis);

    // The response arrives at once: no skew to wait for when the reading knows its request time.
    account.observe(30, 1000, requested.plusMillis(5), requested);

    Instant now = requested.plusMillis(5);
    assertThat(account.budget(now).outstanding()).isEqualTo(outstanding);
    assertThat(account.budget(now).committed(now)).isEqualTo(30 + outstanding);
  }

  @Test
  void aReadingWithoutItsRequestTimeSettlesOnlyAfterTheSkew() {
    OrgAccount account = account(1000, 10, 0);
    account.request(100, Purpose.CHECK, "a", NOW, LEASE);
    account.report("a", 30, NOW.plusSeconds(1));

    account.observe(0, 1000, NOW.plusSeconds(2), null);
    // The reading may have been taken before the 30 calls reached Salesforce.
    assertThat(account.budget(NOW.plusSeconds(2)).committed(NOW.plusSeconds(2))).isEqualTo(30);

    account.observe(30, 1000, NOW.plusSeconds(1).plus(SKEW).plusMillis(1), null);
    assertThat(account.budget(NOW.plusSeconds(10)).outstanding()).isZero();
    assertThat(account.budget(NOW.plusSeconds(10)).committed(NOW.plusSeconds(10))).isEqualTo(30);
  }

  @Test
  void aLeaseADayPastItsLastCallNoLongerCountsEvenUnobserved() {
    OrgAccount account = account(1000, 10, 0);
    account.request(100, Purpose.CHECK, "a", NOW, LEASE);
    Instant dayAfterExpiry = NOW.plus(LEASE).plus(OrgBudget.WINDOW);

    assertThat(account.budget(dayAfterExpiry.minusMillis(1)).outstanding()).isEqualTo(100);
    assertThat(account.budget(dayAfterExpiry).outstanding()).isZero();
    assertThat(account.liveLeases(dayAfterExpiry)).isEmpty();
  }

  @Test
  void aLateObservationDoesNotRewindUsage() {
    OrgAccount account = account(1000, 10, 0);
    account.observe(90, 1000, NOW.plusSeconds(5), NOW.plusSeconds(4));

    account.observe(10, 1000, NOW.plusSeconds(6), NOW.plusSeconds(1));

    assertThat(account.budget(NOW.plusSeconds(6)).observedUsage()).isEqualTo(90);
  }

  @Test
  void anObservedLimitReplacesTheDefault() {
    OrgAccount account = account(15000, 50, 0);
    account.observe(10, 100000, NOW, NOW);

    assertThat(account.budget(NOW).capCalls()).isEqualTo(50000);
  }

  @Test
  void anObservationAWholeWindowOldNoLongerCounts() {
    OrgBudget budget = Allocation.observe(budget(1000, 50, 0), 500, 1000, NOW, NOW.minusMillis(10));

    assertThat(budget.headroom(Purpose.CHECK, NOW.plus(Duration.ofHours(23)))).isZero();
    assertThat(budget.headroom(Purpose.CHECK, NOW.plus(OrgBudget.WINDOW))).isEqualTo(500);
  }

  @Test
  void ownCallsThatLeftTheWindowFreeTheBudgetBeforeANewObservation() {
    OrgAccount account = account(1000, 50, 0);
    account.request(300, Purpose.CHECK, "a", NOW, LEASE);
    account.report("a", 300, NOW.plusSeconds(10));
    // Salesforce then reports the 300 plus 200 of other integrations: the cap is reached.
    Instant observedAt = NOW.plus(Duration.ofHours(2));
    account.observe(500, 1000, observedAt, observedAt.minusMillis(100));
    Instant dayLater = NOW.plus(OrgBudget.WINDOW).plus(Duration.ofMinutes(2));

    assertThat(account.budget(observedAt).headroom(Purpose.CHECK, observedAt)).isZero();
    assertThat(account.budget(dayLater).headroom(Purpose.CHECK, dayLater)).isEqualTo(300);
    assertThat(account.leadgateUsage(dayLater)).isZero();
  }

  @Test
  void ownCallsTheObservationCannotHaveCountedAreNotTakenOff() {
    SpendLog log = new SpendLog();
    Lease lease = Lease.granted("a", 100, Purpose.CHECK, NOW, NOW.plus(LEASE));
    log.record(lease.reported(100, NOW.plusSeconds(5)));

    // Requested before the calls: it did not count them, so nothing ages out of it.
    SpendSummary summary =
        log.summarise(NOW.plus(Duration.ofHours(25)), NOW.plusSeconds(6), NOW.plusSeconds(2));

    assertThat(summary.agedOut()).isZero();
  }

  @Test
  void ownCallsLeaveTheWindowADayAfterTheirLastCallNotAtTheEndOfTheirMinute() {
    SpendLog log = new SpendLog();
    Lease lease = Lease.granted("a", 100, Purpose.CHECK, NOW, NOW.plus(LEASE));
    log.record(lease.reported(100, NOW.plusSeconds(3)));
    Instant observedAt = NOW.plusSeconds(20);
    Instant countedFrom = observedAt.minus(SKEW);
    Instant justAfter = NOW.plus(OrgBudget.WINDOW).plusSeconds(4);

    assertThat(log.summarise(justAfter.minusSeconds(2), observedAt, countedFrom).agedOut())
        .isZero();
    assertThat(log.summarise(justAfter, observedAt, countedFrom).agedOut()).isEqualTo(100);
    assertThat(log.nextRelease(NOW)).isEqualTo(NOW.plus(OrgBudget.WINDOW).plusSeconds(3));
    assertThat(log.summarise(NOW.plusSeconds(10), observedAt, countedFrom).changesAt())
        .isEqualTo(NOW.plus(OrgBudget.PACING_SLOT).plusSeconds(3));
  }

  @Test
  void nothingIsGrantedWhileLearningAfterAnUncleanRestart() {
    OrgBudget budget = budget(1000, 50, 0).withLearningUntil(NOW.plus(LEASE));

    assertThat(Allocation.request(budget, 5, Purpose.CREATE, "a", NOW, LEASE).lease().granted())
        .isZero();
    assertThat(
            Allocation.request(budget, 5, Purpose.CREATE, "a", NOW.plus(LEASE), LEASE)
                .lease()
                .granted())
        .isEqualTo(5);
  }

  static void assertInvariant(OrgBudget budget, Instant now) {
    if (budget.estimatedUsage(now) <= budget.capCalls()) {
      assertThat(budget.committed(now)).isLessThanOrEqualTo(budget.capCalls());
    } else {
      assertThat(budget.outstanding()).isZero();
    }
  }
}
