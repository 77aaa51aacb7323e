package io.leadgate.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationTest {

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static OrgBudget budget(long limit, int capPercent, long observed) {
    return new OrgBudget("org", limit, capPercent, 80, observed, NOW.minusSeconds(1), List.of());
  }

  @ParameterizedTest(name = "limit {0}, cap {1}%, observed {2}, ask {3} -> {4}")
  @CsvSource({
    // limit, cap%, observed, requested, granted, mode after
    "15000, 50,    0,   10,   10, BLUE",
    "15000, 50, 7490,   10,   10, EXHAUSTED",
    "15000, 50, 7495,   10,    5, EXHAUSTED",
    "15000, 50, 7500,   10,    0, EXHAUSTED",
    "15000, 50, 9000,   10,    0, EXHAUSTED",
    "15000, 70, 7500,   10,   10, BLUE",
    "15000, 50, 5990,   10,   10, GOLDEN",
    "100,  100,   99,    5,    1, EXHAUSTED",
    "100,    1,    0,    5,    1, EXHAUSTED"
  })
  void grantsOnlyTheHeadroomUnderTheCap(
      long limit, int cap, long observed, long requested, long granted, BudgetMode mode) {
    OrgBudget before = budget(limit, cap, observed);

    Allocation.Decision decision =
        Allocation.request(before, requested, Purpose.CHECK, "l1", NOW, LEASE);

    assertThat(decision.lease().granted()).isEqualTo(granted);
    assertThat(decision.budget().mode(NOW)).isEqualTo(mode);
    assertInvariant(decision.budget());
  }

  @Test
  void outstandingGrantsCountUntilTheyExpire() {
    OrgBudget budget = budget(1000, 10, 0);
    budget = Allocation.request(budget, 100, Purpose.CHECK, "a", NOW, LEASE).budget();

    Allocation.Decision second = Allocation.request(budget, 1, Purpose.CHECK, "b", NOW, LEASE);
    Allocation.Decision later =
        Allocation.request(budget, 1, Purpose.CHECK, "b", NOW.plus(LEASE), LEASE);

    assertThat(second.lease().granted()).isZero();
    assertThat(later.lease().granted()).isEqualTo(1);
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
  void reportedCallsStopCountingOnceSalesforceUsageIncludesThem() {
    OrgBudget budget = budget(1000, 10, 0);
    budget = Allocation.request(budget, 100, Purpose.CHECK, "a", NOW, LEASE).budget();
    budget = Allocation.report(budget, "a", 30, NOW.plusSeconds(1));

    budget = Allocation.observe(budget, 30, 1000, NOW.plusSeconds(2));

    assertThat(budget.committed(NOW.plusSeconds(2))).isEqualTo(30);
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

  private static void assertInvariant(OrgBudget budget) {
    if (budget.observedUsage() <= budget.capCalls()) {
      assertThat(budget.committed(NOW)).isLessThanOrEqualTo(budget.capCalls());
    } else {
      assertThat(budget.outstanding(NOW)).isZero();
    }
  }
}
