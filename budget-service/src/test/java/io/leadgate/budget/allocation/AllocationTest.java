package io.leadgate.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationTest {

  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration SKEW = Duration.ofSeconds(5);

  static OrgBudget budget(long limit, Settings settings, long observed) {
    return new OrgBudget(
        "org",
        limit,
        settings,
        observed,
        NOW.minusSeconds(1),
        List.of(),
        SpendSummary.NONE,
        null,
        SKEW);
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
  void anUnreportedLeaseCountsUntilSalesforceWasObservedAfterItExpired() {
    OrgBudget budget = budget(1000, 10, 0);
    budget = Allocation.request(budget, 100, Purpose.CHECK, "a", NOW, LEASE).budget();
    Instant afterExpiry = NOW.plus(LEASE).plusSeconds(1);

    Allocation.Decision second = Allocation.request(budget, 1, Purpose.CHECK, "b", NOW, LEASE);
    Allocation.Decision expiredButUnobserved =
        Allocation.request(budget, 1, Purpose.CHECK, "b", afterExpiry, LEASE);
    OrgBudget observed =
        Allocation.observe(budget, 100, 1000, NOW.plus(LEASE).plus(SKEW).plusSeconds(1));
    Allocation.Decision afterObservation =
        Allocation.request(observed, 1, Purpose.CHECK, "b", afterExpiry.plus(SKEW), LEASE);

    assertThat(second.lease().granted()).isZero();
    assertThat(expiredButUnobserved.lease().granted()).isZero();
    assertThat(afterObservation.lease().granted()).isZero(); // the observation counts its 100
    assertThat(observed.outstanding(afterExpiry.plus(SKEW))).isZero();
  }

  @Test
  void aReportedLeaseReturnsItsUnusedCalls() {
    OrgBudget budget = budget(1000, 10, 0);
    budget = Allocation.request(budget, 100, Purpose.CHECK, "a", NOW, LEASE).budget();

    budget = Allocation.report(budget, "a", 30, NOW.plusSeconds(1));

    assertThat(budget.committed(NOW.plusSeconds(2))).isEqualTo(30);
    assertThat(
            Allocation.request(budget, 100, Purpose.CHECK, "b", NOW.plusSeconds(2), LEASE)
                .lease()
                .granted())
        .isEqualTo(70);
  }

  @Test
  void reportedCallsStillCountForAnObservationStampedWithinTheSkew() {
    OrgBudget budget = budget(1000, 10, 0);
    budget = Allocation.request(budget, 100, Purpose.CHECK, "a", NOW, LEASE).budget();
    budget = Allocation.report(budget, "a", 30, NOW.plusSeconds(1));

    OrgBudget early = Allocation.observe(budget, 0, 1000, NOW.plusSeconds(2));
    OrgBudget late =
        Allocation.observe(budget, 30, 1000, NOW.plusSeconds(1).plus(SKEW).plusMillis(1));

    // The early reading may have been taken before the 30 calls reached Salesforce.
    assertThat(early.committed(NOW.plusSeconds(2))).isEqualTo(30);
    assertThat(late.committed(NOW.plusSeconds(10))).isEqualTo(30);
    assertThat(late.outstanding(NOW.plusSeconds(10))).isZero();
  }

  @Test
  void aLateObservationDoesNotRewindUsage() {
    OrgBudget budget = Allocation.observe(budget(1000, 10, 0), 90, 1000, NOW.plusSeconds(5));

    OrgBudget after = Allocation.observe(budget, 10, 1000, NOW.plusSeconds(1));

    assertThat(after.observedUsage()).isEqualTo(90);
  }

  @Test
  void anObservedLimitReplacesTheDefault() {
    OrgBudget budget = Allocation.observe(budget(15000, 50, 0), 10, 100000, NOW);

    assertThat(budget.capCalls()).isEqualTo(50000);
  }

  @Test
  void anObservationAWholeWindowOldNoLongerCounts() {
    OrgBudget budget = Allocation.observe(budget(1000, 50, 0), 500, 1000, NOW);

    assertThat(budget.headroom(Purpose.CHECK, NOW.plus(Duration.ofHours(23)))).isZero();
    assertThat(budget.headroom(Purpose.CHECK, NOW.plus(OrgBudget.WINDOW))).isEqualTo(500);
  }

  @Test
  void ownCallsThatLeftTheWindowFreeTheBudgetBeforeANewObservation() {
    SpendLog log = new SpendLog();
    OrgBudget budget = budget(1000, 50, 0);
    Allocation.Decision grant = Allocation.request(budget, 300, Purpose.CHECK, "a", NOW, LEASE);
    Lease reported = grant.lease().reported(300, NOW.plusSeconds(10));
    log.record(reported);
    budget = Allocation.report(grant.budget(), "a", 300, NOW.plusSeconds(10));
    // Salesforce then reports the 300 plus 200 of other integrations: the cap is reached.
    Instant observedAt = NOW.plus(Duration.ofHours(2));
    budget = Allocation.observe(budget, 500, 1000, observedAt);
    Instant dayLater = NOW.plus(OrgBudget.WINDOW).plus(Duration.ofMinutes(2));

    OrgBudget before = budget.withSpend(log.summarise(NOW.plusSeconds(3600), observedAt, SKEW));
    OrgBudget after = budget.withSpend(log.summarise(dayLater, observedAt, SKEW));

    assertThat(before.headroom(Purpose.CHECK, NOW.plusSeconds(3600))).isZero();
    assertThat(after.headroom(Purpose.CHECK, dayLater)).isEqualTo(300);
  }

  @Test
  void ownCallsTheObservationCannotHaveCountedAreNotTakenOff() {
    SpendLog log = new SpendLog();
    Lease lease = Lease.granted("a", 100, Purpose.CHECK, NOW, NOW.plus(LEASE));
    log.record(lease.reported(100, NOW.plusSeconds(5)));

    // Observed before the calls (plus skew): it did not count them, so nothing ages out of it.
    SpendSummary summary = log.summarise(NOW.plus(Duration.ofHours(25)), NOW.plusSeconds(2), SKEW);

    assertThat(summary.agedOut()).isZero();
  }

  @Test
  void ownCallsLeaveTheWindowADayAfterTheirLastCallNotAtTheEndOfTheirMinute() {
    SpendLog log = new SpendLog();
    Lease lease = Lease.granted("a", 100, Purpose.CHECK, NOW, NOW.plus(LEASE));
    log.record(lease.reported(100, NOW.plusSeconds(3)));
    Instant observedAt = NOW.plusSeconds(20);
    Instant justAfter = NOW.plus(OrgBudget.WINDOW).plusSeconds(4);

    assertThat(log.summarise(justAfter.minusSeconds(2), observedAt, SKEW).agedOut()).isZero();
    assertThat(log.summarise(justAfter, observedAt, SKEW).agedOut()).isEqualTo(100);
    assertThat(log.nextRelease(NOW)).isEqualTo(NOW.plus(OrgBudget.WINDOW).plusSeconds(3));
    assertThat(log.summarise(NOW.plusSeconds(10), observedAt, SKEW).changesAt())
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
      assertThat(budget.outstanding(now)).isZero();
    }
  }
}
