package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Leadgate's own reported calls of one org, per minute, for the last window: what lets the budget
 * free up as the window rolls without waiting for a new observation. Each bucket is keyed by the
 * end of the minute in which its calls happened at the latest, and remembers the earliest moment
 * any of them can have happened (the earliest grant), so that every use of it can err on the safe
 * side. Plain data, not thread-safe: one org's ledger entry guards it.
 */
public final class SpendLog {

  /** Calls of one minute. */
  public record Bucket(Instant end, long calls, Instant earliestCall) {}

  private static final Duration BUCKET = Duration.ofMinutes(1);

  private final NavigableMap<Instant, Bucket> buckets = new TreeMap<>();
  private final List<Bucket> dirty = new ArrayList<>();

  /** Records a reported lease's calls. */
  public void record(Lease lease) {
    if (lease.reportedUsed() <= 0) {
      return;
    }
    add(new Bucket(bucketEnd(lease.lastCallBy()), lease.reportedUsed(), lease.grantedAt()));
  }

  /** Adds a bucket restored from storage or recorded here. */
  public void add(Bucket bucket) {
    Bucket merged =
        buckets.merge(
            bucket.end(),
            bucket,
            (a, b) ->
                new Bucket(
                    a.end(),
                    a.calls() + b.calls(),
                    a.earliestCall().isBefore(b.earliestCall())
                        ? a.earliestCall()
                        : b.earliestCall()));
    dirty.add(merged);
  }

  /** Replaces a bucket with its stored state (restoring at start; the latest state wins). */
  public void restore(Bucket bucket) {
    buckets.put(bucket.end(), bucket);
  }

  /** Buckets changed since the last call, to be stored. */
  public List<Bucket> drainDirty() {
    List<Bucket> changed = new ArrayList<>();
    for (Bucket bucket : dirty) {
      changed.add(buckets.getOrDefault(bucket.end(), bucket));
    }
    dirty.clear();
    return changed.stream().distinct().toList();
  }

  /** Forgets buckets whose calls have all left the window. */
  public void prune(Instant now) {
    buckets.headMap(now.minus(OrgBudget.WINDOW), true).clear();
  }

  public Map<Instant, Bucket> buckets() {
    return java.util.Collections.unmodifiableNavigableMap(buckets);
  }

  /**
   * The log summarised for {@code now}, given the last observation. A bucket counts as aged out of
   * the observed usage only if the observation surely counted it (all its calls happened in the
   * window before the observation, skew included) and all of its calls have surely left the window
   * by now.
   */
  public SpendSummary summarise(Instant now, Instant observedAt, Duration observationSkew) {
    long agedOut = 0;
    long lastHour = 0;
    long inWindow = 0;
    Instant hourAgo = now.minus(OrgBudget.PACING_SLOT);
    for (Bucket bucket : buckets.values()) {
      if (now.isBefore(bucket.end().plus(OrgBudget.WINDOW))) {
        inWindow += bucket.calls();
      } else if (observedAt != null
          && !bucket.end().plus(observationSkew).isAfter(observedAt)
          && bucket.earliestCall().isAfter(observedAt.minus(OrgBudget.WINDOW))) {
        agedOut += bucket.calls();
      }
      if (bucket.end().isAfter(hourAgo)) {
        lastHour += bucket.calls();
      }
    }
    return new SpendSummary(agedOut, lastHour, inWindow);
  }

  /** The first moment after {@code now} at which some recorded calls leave the window. */
  public Instant nextRelease(Instant now) {
    for (Bucket bucket : buckets.values()) {
      Instant release = bucket.end().plus(OrgBudget.WINDOW);
      if (release.isAfter(now)) {
        return release;
      }
    }
    return null;
  }

  static Instant bucketEnd(Instant at) {
    Instant start = at.truncatedTo(ChronoUnit.MINUTES);
    return start.equals(at) ? at : start.plus(BUCKET);
  }
}
