package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Leadgate's own reported calls of one org, per minute, for the last window: what lets the budget
 * free up as the window rolls without waiting for a new observation. Each bucket is keyed by the
 * end of the minute in which its calls happened at the latest, and remembers the earliest moment
 * any of them can have happened (the earliest grant) and the latest (the last report), so that
 * every use of it can err on the safe side without rounding to the minute: calls leave the window
 * exactly a day after their latest possible moment, not up to a minute later. Plain data, not
 * thread-safe: one org's ledger entry guards it.
 */
public final class SpendLog {

  /**
   * Calls of one minute.
   *
   * @param latestCall the latest moment any of them can have happened; buckets stored before this
   *     was kept have none, and then the end of their minute stands in for it
   */
  public record Bucket(Instant end, long calls, Instant earliestCall, Instant latestCall) {
    public Bucket {
      if (latestCall == null) {
        latestCall = end;
      }
    }
  }

  private static final Duration BUCKET = Duration.ofMinutes(1);

  private final NavigableMap<Instant, Bucket> buckets = new TreeMap<>();
  // The ends of the buckets changed since the last drain: a handful a minute, not one per report.
  private final Set<Instant> dirty = new LinkedHashSet<>();

  /** Records a reported lease's calls. */
  public void record(Lease lease) {
    if (lease.reportedUsed() <= 0) {
      return;
    }
    add(
        new Bucket(
            bucketEnd(lease.lastCallBy()),
            lease.reportedUsed(),
            lease.grantedAt(),
            lease.lastCallBy()));
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
                        : b.earliestCall(),
                    a.latestCall().isAfter(b.latestCall()) ? a.latestCall() : b.latestCall()));
    dirty.add(merged.end());
  }

  /** Replaces a bucket with its stored state (restoring at start; the latest state wins). */
  public void restore(Bucket bucket) {
    buckets.put(bucket.end(), bucket);
  }

  /** Buckets changed since the last call, to be stored. */
  public List<Bucket> drainDirty() {
    List<Bucket> changed = new ArrayList<>(dirty.size());
    for (Instant end : dirty) {
      Bucket bucket = buckets.get(end);
      if (bucket != null) {
        changed.add(bucket);
      }
    }
    dirty.clear();
    return changed;
  }

  /** Forgets buckets whose calls have all left the window. */
  public void prune(Instant now) {
    buckets.headMap(now.minus(OrgBudget.WINDOW), true).clear();
  }

  public Map<Instant, Bucket> buckets() {
    return java.util.Collections.unmodifiableNavigableMap(buckets);
  }

  /**
   * The log summarised for {@code now}, given the last observation (arrived at {@code observedAt},
   * counting every call that ended before {@code countedFrom}). A bucket counts as aged out of the
   * observed usage only if the observation surely counted it (all its calls ended before {@code
   * countedFrom} and were still in the window when Salesforce counted, no later than {@code
   * observedAt}) and all of its calls have surely left the window by now. The summary stays valid
   * until {@link SpendSummary#changesAt()}, unless calls are recorded or a new observation arrives.
   *
   * <p>Visits only the buckets that can matter, not the day's 1,440: those that left the window
   * since the observation's window began, and those of the last hour. A bucket's key, the end of
   * its minute, is at most a minute after its latest call.
   */
  public SpendSummary summarise(Instant now, Instant observedAt, Instant countedFrom) {
    long agedOut = 0;
    if (observedAt != null && countedFrom != null) {
      Instant countedSince = observedAt.minus(OrgBudget.WINDOW);
      Instant leftBy = now.minus(OrgBudget.WINDOW);
      if (countedSince.isBefore(leftBy.plus(BUCKET))) {
        for (Bucket bucket :
            buckets.subMap(countedSince, false, leftBy.plus(BUCKET), true).values()) {
          if (!bucket.latestCall().isAfter(leftBy)
              && !bucket.latestCall().isAfter(countedFrom)
              && bucket.earliestCall().isAfter(countedSince)) {
            agedOut += bucket.calls();
          }
        }
      }
    }
    long lastHour = 0;
    Instant changesAt = nextRelease(now);
    Instant hourAgo = now.minus(OrgBudget.PACING_SLOT);
    for (Bucket bucket : buckets.tailMap(hourAgo, false).values()) {
      if (bucket.latestCall().isAfter(hourAgo)) {
        lastHour += bucket.calls();
        changesAt = earliest(changesAt, bucket.latestCall().plus(OrgBudget.PACING_SLOT));
      }
    }
    return new SpendSummary(agedOut, lastHour, changesAt);
  }

  /** Leadgate's reported calls that may still be in the rolling window at {@code now}. */
  public long inWindow(Instant now) {
    long calls = 0;
    for (Bucket bucket : buckets.tailMap(now.minus(OrgBudget.WINDOW), false).values()) {
      if (now.isBefore(bucket.latestCall().plus(OrgBudget.WINDOW))) {
        calls += bucket.calls();
      }
    }
    return calls;
  }

  /** The first moment after {@code now} at which some recorded calls leave the window. */
  public Instant nextRelease(Instant now) {
    Instant next = null;
    for (Bucket bucket : buckets.tailMap(now.minus(OrgBudget.WINDOW), false).values()) {
      if (next != null && !next.isAfter(bucket.end().minus(BUCKET).plus(OrgBudget.WINDOW))) {
        break; // every later bucket's calls are later than this
      }
      Instant release = bucket.latestCall().plus(OrgBudget.WINDOW);
      if (release.isAfter(now)) {
        next = earliest(next, release);
      }
    }
    return next;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  static Instant bucketEnd(Instant at) {
    Instant start = at.truncatedTo(ChronoUnit.MINUTES);
    return start.equals(at) ? at : start.plus(BUCKET);
  }
}
