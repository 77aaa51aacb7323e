package io.leadgate.budget.dashboard;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Cloud;
import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.leadgate.contracts.MatchedRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the live dashboard shows, folded from {@code leads.status} and {@code budget.status}, per
 * org. Plain Java (no Spring, no Kafka) so the folding is tested by tables; the caller brings the
 * events and the clock.
 *
 * <p>Per org: the latest budget; per minute of the window, how many captures entered each state
 * (RECEIVED counts as captured); the mean Salesforce calls per decided capture in the window; the
 * latest duplicates with their owners; and the deferred backlog, the captures whose latest state is
 * DEFERRED. The backlog is exact only when the whole compacted topic was read, which is why the
 * dashboard's consumer starts from the beginning.
 */
public final class Dashboard {

  /** The states a capture's events are counted under, per minute. */
  static final List<LeadState> COUNTED =
      List.of(
          LeadState.RECEIVED,
          LeadState.CREATED,
          LeadState.DUPLICATE,
          LeadState.FAILED,
          LeadState.DEFERRED);

  /** One org's dashboard, as the page receives it. */
  public record OrgView(
      String orgId,
      Instant at,
      BudgetView budget,
      List<Minute> minutes,
      double callsPerLead,
      long decided,
      List<DuplicateView> latestDuplicates,
      long deferredBacklog,
      Instant nextDeferredAttempt) {}

  /**
   * @param usage the org's observed usage plus Leadgate's outstanding grants
   * @param cloud the extension's cloud colour: BLUE below the golden threshold, GOLDEN above
   */
  public record BudgetView(
      BudgetMode mode, Cloud cloud, long usage, long cap, long limit, Instant at) {}

  /** Captures that entered each state in one minute. */
  public record Minute(Instant minute, Map<LeadState, Long> counts) {}

  /** A duplicate; {@code match} is null when the golden cloud hid its details. */
  public record DuplicateView(String captureId, Instant at, MatchedRecord match) {}

  private static final class Org {
    BudgetStatusChanged budget;
    final TreeMap<Instant, EnumMap<LeadState, Long>> minutes = new TreeMap<>();
    final TreeMap<Instant, double[]> calls = new TreeMap<>(); // minute -> {sum, count}
    final Deque<DuplicateView> duplicates = new ArrayDeque<>();
    final Map<String, Instant> deferred = new HashMap<>(); // captureId -> next attempt
    long version;
  }

  private final Duration window;
  private final int duplicates;
  private final Map<String, Org> orgs = new HashMap<>();

  /**
   * @param window how far back the per-minute counts and calls per lead reach
   * @param duplicates how many of the latest duplicates are kept per org
   */
  public Dashboard(Duration window, int duplicates) {
    this.window = window;
    this.duplicates = duplicates;
  }

  public synchronized void on(LeadStatusChanged status) {
    if (status.orgId() == null || status.state() == null || status.occurredAt() == null) {
      return;
    }
    Org org = org(status.orgId());
    org.version++;
    if (status.state() == LeadState.DEFERRED) {
      org.deferred.put(status.captureId(), status.nextAttemptAt());
    } else if (status.state() != LeadState.RECEIVED) {
      // CHECKING after DEFERRED means the check resumed: no longer waiting.
      org.deferred.remove(status.captureId());
    }
    Instant minute = status.occurredAt().truncatedTo(ChronoUnit.MINUTES);
    if (COUNTED.contains(status.state())) {
      org.minutes
          .computeIfAbsent(minute, m -> new EnumMap<>(LeadState.class))
          .merge(status.state(), 1L, Long::sum);
    }
    if (status.state().isFinal()) {
      double[] sum = org.calls.computeIfAbsent(minute, m -> new double[2]);
      sum[0] += status.apiCalls();
      sum[1]++;
    }
    if (status.state() == LeadState.DUPLICATE) {
      org.duplicates.removeIf(d -> d.captureId().equals(status.captureId()));
      org.duplicates.addFirst(
          new DuplicateView(status.captureId(), status.occurredAt(), status.match()));
      while (org.duplicates.size() > duplicates) {
        org.duplicates.removeLast();
      }
    }
  }

  public synchronized void on(BudgetStatusChanged budget) {
    if (budget.orgId() == null) {
      return;
    }
    Org org = org(budget.orgId());
    if (org.budget == null
        || budget.occurredAt() == null
        || org.budget.occurredAt() == null
        || !budget.occurredAt().isBefore(org.budget.occurredAt())) {
      org.budget = budget;
      org.version++;
    }
  }

  /** Changes with every event of the org: a stream pushes only when it moved. */
  public synchronized long version(String orgId) {
    Org org = orgs.get(orgId);
    return org == null ? 0 : org.version;
  }

  public synchronized OrgView view(String orgId, Instant now) {
    Org org = orgs.computeIfAbsent(orgId, id -> new Org());
    Instant nowMinute = now.truncatedTo(ChronoUnit.MINUTES);
    Instant from = nowMinute.minus(window).plus(Duration.ofMinutes(1));
    org.minutes.headMap(from).clear();
    org.calls.headMap(from).clear();
    List<Minute> minutes = new ArrayList<>();
    for (Instant m = from; !m.isAfter(nowMinute); m = m.plus(Duration.ofMinutes(1))) {
      EnumMap<LeadState, Long> counts = new EnumMap<>(LeadState.class);
      for (LeadState state : COUNTED) {
        counts.put(
            state,
            org.minutes.getOrDefault(m, new EnumMap<>(LeadState.class)).getOrDefault(state, 0L));
      }
      minutes.add(new Minute(m, counts));
    }
    double sum = 0;
    long decided = 0;
    for (double[] c : org.calls.values()) {
      sum += c[0];
      decided += (long) c[1];
    }
    BudgetStatusChanged b = org.budget;
    BudgetView budget =
        b == null
            ? null
            : new BudgetView(
                b.mode(),
                b.mode() == BudgetMode.BLUE ? Cloud.BLUE : Cloud.GOLDEN,
                b.observedUsage() + b.outstandingGrants(),
                b.capCalls(),
                b.dailyLimit(),
                b.occurredAt());
    Instant next =
        org.deferred.values().stream()
            .filter(java.util.Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    return new OrgView(
        orgId,
        now,
        budget,
        minutes,
        decided == 0 ? 0 : sum / decided,
        decided,
        List.copyOf(org.duplicates),
        org.deferred.size(),
        next);
  }

  private Org org(String orgId) {
    return orgs.computeIfAbsent(orgId, id -> new Org());
  }
}
