package io.leadgate.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of {@link Allocation} over random sequences of requests, reports, observations and
 * passing time: the cap, the reserve and pacing hold after every step.
 */
class AllocationPropertiesTest {

  private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration SKEW = Duration.ofSeconds(5);

  interface Step {}

  record Ask(long calls, Purpose purpose) implements Step {}

  record Report(int leaseIndex, long used) implements Step {}

  record Observe(long used) implements Step {}

  record Wait(long seconds) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> ask =
        Combinators.combine(Arbitraries.longs().between(1, 400), Arbitraries.of(Purpose.class))
            .as(Ask::new);
    Arbitrary<Step> report =
        Combinators.combine(
                Arbitraries.integers().between(0, 50), Arbitraries.longs().between(0, 400))
            .as(Report::new);
    Arbitrary<Step> observe = Arbitraries.longs().between(0, 2_000).map(Observe::new);
    Arbitrary<Step> wait = Arbitraries.longs().between(0, 3_600).map(Wait::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, ask),
            net.jqwik.api.Tuple.of(3, report),
            net.jqwik.api.Tuple.of(1, observe),
            net.jqwik.api.Tuple.of(2, wait))
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = 300)
  void committedNeverExceedsTheCapAndChecksLeaveTheReserve(
      @ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 1, max = 100) int capPercent,
      @ForAll @LongRange(min = 0, max = 300) long reserve,
      @ForAll BudgetPacing pacing) {
    Settings settings = new Settings(capPercent, 80, pacing, reserve);
    OrgBudget budget =
        new OrgBudget("org", 2_000, settings, 0, START, List.of(), SpendSummary.NONE, null, SKEW);
    SpendLog log = new SpendLog();
    Instant now = START;
    int n = 0;
    for (Step step : steps) {
      budget = budget.withSpend(log.summarise(now, budget.observedAt(), SKEW));
      long before = budget.committed(now);
      if (step instanceof Ask ask) {
        {
          long committedBefore = budget.committed(now);
          long spentLastHour = budget.spend().lastHour() + budget.outstanding(now);
          Allocation.Decision decision =
              Allocation.request(budget, ask.calls(), ask.purpose(), "l" + n++, now, LEASE);
          long granted = decision.lease().granted();
          assertThat(granted).isBetween(0L, ask.calls());
          if (granted > 0) {
            long limit =
                budget.capCalls() - (ask.purpose() == Purpose.CHECK ? settings.reserveCalls() : 0);
            assertThat(committedBefore + granted).isLessThanOrEqualTo(limit);
            if (pacing == BudgetPacing.EVEN) {
              assertThat(spentLastHour + granted)
                  .isLessThanOrEqualTo(-Math.floorDiv(-budget.capCalls(), 24));
            }
          }
          budget = decision.budget();
        }
      } else if (step instanceof Report report) {
        {
          if (!budget.leases().isEmpty()) {
            Lease lease = budget.leases().get(report.leaseIndex() % budget.leases().size());
            if (!lease.isReported()) {
              log.record(lease.reported(report.used(), now));
              budget = Allocation.report(budget, lease.leaseId(), report.used(), now);
            }
          }
        }
      } else if (step instanceof Observe observe) {
        budget = Allocation.observe(budget, observe.used(), 2_000, now);
      } else if (step instanceof Wait wait) {
        now = now.plusSeconds(wait.seconds());
      }
      if (!(step instanceof Observe)) {
        // Only Salesforce (other integrations) can push the org past its cap, never a step of ours.
        budget = budget.withSpend(log.summarise(now, budget.observedAt(), SKEW));
        assertThat(budget.committed(now)).isLessThanOrEqualTo(Math.max(budget.capCalls(), before));
      }
    }
  }

  @Property(tries = 200)
  void aGrantIsAllTheHeadroomOrAllTheRequest(
      @ForAll @LongRange(min = 0, max = 3_000) long observed,
      @ForAll @LongRange(min = 1, max = 3_000) long requested,
      @ForAll @IntRange(min = 1, max = 100) int capPercent) {
    OrgBudget budget =
        new OrgBudget(
            "org",
            2_000,
            new Settings(capPercent, 80, BudgetPacing.OFF, 0),
            observed,
            START,
            List.of(),
            SpendSummary.NONE,
            null,
            SKEW);

    long granted =
        Allocation.request(budget, requested, Purpose.CREATE, "a", START, LEASE).lease().granted();

    // Never idle below the cap: what is asked is granted up to the last call of headroom.
    assertThat(granted).isEqualTo(Math.min(requested, Math.max(0, budget.capCalls() - observed)));
  }
}
