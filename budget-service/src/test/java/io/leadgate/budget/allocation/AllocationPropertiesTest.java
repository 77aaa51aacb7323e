package io.leadgate.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of {@link Allocation} and {@link OrgAccount} over random sequences of requests,
 * reports, readings (with and without their request time) and passing time: the cap, the reserve
 * and pacing hold after every step, and the running sum of outstanding calls always equals the
 * plain definition, summed over every lease ever granted.
 */
class AllocationPropertiesTest {

  private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration SKEW = Duration.ofSeconds(5);
  private static final Duration TOLERANCE = Duration.ofMillis(50);

  interface Step {}

  record Ask(long calls, Purpose purpose) implements Step {}

  record Report(int leaseIndex, long used) implements Step {}

  /** A reading; {@code requestedMillisAgo} < 0: a reading without its request time. */
  record Observe(long used, long requestedMillisAgo) implements Step {}

  record Wait(long millis) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> ask =
        Combinators.combine(Arbitraries.longs().between(1, 400), Arbitraries.of(Purpose.class))
            .as(Ask::new);
    Arbitrary<Step> report =
        Combinators.combine(
                Arbitraries.integers().between(0, 50), Arbitraries.longs().between(0, 400))
            .as(Report::new);
    Arbitrary<Step> observe =
        Combinators.combine(
                Arbitraries.longs().between(0, 2_000), Arbitraries.longs().between(-1, 8_000))
            .as(Observe::new);
    Arbitrary<Step> wait =
        Arbitraries.oneOf(
                Arbitraries.longs().between(0, 200),
                Arbitraries.longs().between(0, 60_000),
                Arbitraries.longs().between(0, 90_000_000))
            .map(Wait::new);
    return Arbitraries.frequencyOf(
            Tuple.of(5, ask), Tuple.of(3, report), Tuple.of(2, observe), Tuple.of(3, wait))
        .list()
        .ofMaxSize(120);
  }

  @Property(tries = 400)
  void committedNeverExceedsTheCapAndTheRunningSumMatchesTheDefinition(
      @ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 1, max = 100) int capPercent,
      @ForAll @LongRange(min = 0, max = 300) long reserve,
      @ForAll BudgetPacing pacing) {
    Settings settings = new Settings(capPercent, 80, pacing, reserve);
    OrgAccount account =
        new OrgAccount(OrgBudget.unobserved("org", 2_000, settings), SKEW, TOLERANCE);
    // Every lease ever granted, as last reported: the reference the running sum is checked by.
    Map<String, Lease> granted = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    Instant now = START;
    int n = 0;
    for (Step step : steps) {
      OrgBudget budget = account.budget(now);
      long before = budget.committed(now);
      if (step instanceof Ask ask) {
        long spentLastHour = budget.spend().lastHour() + budget.outstanding();
        Lease lease = account.request(ask.calls(), ask.purpose(), "l" + n++, now, LEASE);
        assertThat(lease.granted()).isBetween(0L, ask.calls());
        if (lease.granted() > 0) {
          long limit =
              budget.capCalls() - (ask.purpose() == Purpose.CHECK ? settings.reserveCalls() : 0);
          assertThat(before + lease.granted()).isLessThanOrEqualTo(limit);
          if (pacing == BudgetPacing.EVEN) {
            assertThat(spentLastHour + lease.granted())
                .isLessThanOrEqualTo(-Math.floorDiv(-budget.capCalls(), 24));
          }
          granted.put(lease.leaseId(), lease);
          ids.add(lease.leaseId());
        }
      } else if (step instanceof Report report && !ids.isEmpty()) {
        String id = ids.get(report.leaseIndex() % ids.size());
        Lease reported = account.report(id, report.used(), now);
        Lease known = granted.get(id);
        boolean live = !known.settled(budget.countedFrom(), now);
        assertThat(reported != null).isEqualTo(live && !known.isReported());
        if (reported != null) {
          granted.put(id, reported);
        }
      } else if (step instanceof Observe observe) {
        Instant requestedAt =
            observe.requestedMillisAgo() < 0 ? null : now.minusMillis(observe.requestedMillisAgo());
        account.observe(observe.used(), 2_000, now, requestedAt);
      } else if (step instanceof Wait wait) {
        now = now.plusMillis(wait.millis());
      }
      OrgBudget after = account.budget(now);
      long reference = 0;
      for (Lease lease : granted.values()) {
        reference += lease.settled(after.countedFrom(), now) ? 0 : lease.calls();
      }
      assertThat(after.outstanding()).isEqualTo(reference);
      if (!(step instanceof Observe)) {
        // Only Salesforce (other integrations) can push the org past its cap, never a step of ours.
        assertThat(after.committed(now)).isLessThanOrEqualTo(Math.max(after.capCalls(), before));
      }
    }
  }

  @Property(tries = 200)
  void aGrantIsAllTheHeadroomOrAllTheRequest(
      @ForAll @LongRange(min = 0, max = 3_000) long observed,
      @ForAll @LongRange(min = 1, max = 3_000) long requested,
      @ForAll @IntRange(min = 1, max = 100) int capPercent) {
    OrgBudget budget =
        Allocation.observe(
            OrgBudget.unobserved("org", 2_000, new Settings(capPercent, 80, BudgetPacing.OFF, 0)),
            observed,
            2_000,
            START,
            START);

    long granted =
        Allocation.request(budget, requested, Purpose.CREATE, "a", START, LEASE).lease().granted();

    // Never idle below the cap: what is asked is granted up to the last call of headroom.
    assertThat(granted).isEqualTo(Math.min(requested, Math.max(0, budget.capCalls() - observed)));
  }

  @Property(tries = 300)
  void theSpendSummaryVisitsFewBucketsButEqualsTheWalkOfAll(
      @ForAll("reports") List<long[]> reports,
      @ForAll @LongRange(min = 0, max = 200_000) long nowSeconds,
      @ForAll @LongRange(min = 0, max = 200_000) long observedSeconds,
      @ForAll @LongRange(min = 0, max = 30) long countedBeforeSeconds) {
    SpendLog log = new SpendLog();
    for (long[] report : reports) {
      Instant granted = START.plusSeconds(report[0]);
      log.record(
          Lease.granted("l", 10, Purpose.CHECK, granted, granted.plus(LEASE))
              .reported(report[1], granted.plusSeconds(report[2])));
    }
    Instant now = START.plusSeconds(nowSeconds);
    Instant observedAt = START.plusSeconds(observedSeconds);
    Instant countedFrom = observedAt.minusSeconds(countedBeforeSeconds);

    SpendSummary summary = log.summarise(now, observedAt, countedFrom);

    // The definition, over every bucket.
    long agedOut = 0;
    long lastHour = 0;
    long inWindow = 0;
    Instant changesAt = null;
    for (SpendLog.Bucket bucket : log.buckets().values()) {
      Instant leaves = bucket.latestCall().plus(OrgBudget.WINDOW);
      if (now.isBefore(leaves)) {
        inWindow += bucket.calls();
        changesAt = changesAt == null || leaves.isBefore(changesAt) ? leaves : changesAt;
      } else if (!bucket.latestCall().isAfter(countedFrom)
          && bucket.earliestCall().isAfter(observedAt.minus(OrgBudget.WINDOW))) {
        agedOut += bucket.calls();
      }
      if (bucket.latestCall().isAfter(now.minus(OrgBudget.PACING_SLOT))) {
        lastHour += bucket.calls();
        Instant slot = bucket.latestCall().plus(OrgBudget.PACING_SLOT);
        changesAt = changesAt == null || slot.isBefore(changesAt) ? slot : changesAt;
      }
    }
    assertThat(summary).isEqualTo(new SpendSummary(agedOut, lastHour, changesAt));
    assertThat(log.inWindow(now)).isEqualTo(inWindow);
  }

  /** Reported leases: granted at (seconds from the start), calls used, reported after (seconds). */
  @Provide
  Arbitrary<List<long[]>> reports() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 200_000),
            Arbitraries.longs().between(1, 10),
            Arbitraries.longs().between(0, 40))
        .as((at, used, after) -> new long[] {at, used, after})
        .list()
        .ofMaxSize(60);
  }
}
