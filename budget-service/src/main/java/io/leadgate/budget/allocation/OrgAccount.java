package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One org's budget with what stands behind its numbers: the live leases ({@link LeaseBook}) and
 * Leadgate's own reported calls ({@link SpendLog}, summarised lazily). Applies {@link Allocation}
 * so that a decision costs O(1) plus O(log n) per lease granted, reported or settled. No clock, no
 * I/O; plain data, not thread-safe: the ledger holds one lock per org around it.
 */
public final class OrgAccount {

  private final LeaseBook leases = new LeaseBook();
  private final SpendLog spend = new SpendLog();
  private final Duration observationSkew;
  private final Duration clockTolerance;
  private OrgBudget budget;
  private SpendSummary summary = SpendSummary.NONE;
  private boolean summaryStale = true;

  /**
   * @param observationSkew how much later than Salesforce's count a reading without a request time
   *     may arrive
   * @param clockTolerance how far the clocks of the hosts calling Salesforce may be ahead of ours
   */
  public OrgAccount(OrgBudget budget, Duration observationSkew, Duration clockTolerance) {
    this.budget = budget;
    this.observationSkew = observationSkew;
    this.clockTolerance = clockTolerance;
  }

  /** The budget as it stands {@code now}: settled leases dropped, own spend summarised for now. */
  public OrgBudget budget(Instant now) {
    leases.settle(budget.countedFrom(), now);
    if (summaryStale || (summary.changesAt() != null && !now.isBefore(summary.changesAt()))) {
      // Only new spend, a new reading or the moment the summary names can change it.
      summary = spend.summarise(now, budget.observedAt(), budget.countedFrom());
      summaryStale = false;
    }
    if (budget.outstanding() != leases.outstanding() || budget.spend() != summary) {
      budget = budget.withOutstanding(leases.outstanding()).withSpend(summary);
    }
    return budget;
  }

  /** Decides one request; the lease holds zero calls when nothing could be granted. */
  public Lease request(
      long calls, Purpose purpose, String leaseId, Instant now, Duration leaseDuration) {
    Allocation.Decision decision =
        Allocation.request(budget(now), calls, purpose, leaseId, now, leaseDuration);
    leases.add(decision.lease());
    budget = decision.budget();
    return decision.lease();
  }

  /**
   * The caller spent {@code used} calls of a lease and returns the rest.
   *
   * @return the lease as reported, or null when it is unknown (settled, or granted before a
   *     restart: its calls are counted by readings) or was reported already
   */
  public Lease report(String leaseId, long used, Instant now) {
    budget(now);
    Lease reported = leases.report(leaseId, used, now);
    if (reported == null) {
      return null;
    }
    spend.record(reported);
    Instant lastCall = reported.lastCallBy();
    if (reported.reportedUsed() > 0) {
      if (!summaryStale && lastCall.isAfter(now.minus(OrgBudget.PACING_SLOT))) {
        // Calls of the last hour: the summary grows without a walk of the log's last hour (see
        // SpendLog#summarise), and is summarised again when they leave the hour.
        summary =
            new SpendSummary(
                summary.agedOut(),
                summary.lastHour() + reported.reportedUsed(),
                earliest(summary.changesAt(), lastCall.plus(OrgBudget.PACING_SLOT)));
      } else {
        summaryStale = true;
      }
    }
    budget = budget.withOutstanding(leases.outstanding());
    return reported;
  }

  /**
   * Salesforce reported the org's usage and limit in a response that arrived at {@code observedAt},
   * to a request sent at {@code requestedAt} (null if the reading does not say).
   */
  public void observe(long used, long limit, Instant observedAt, Instant requestedAt) {
    OrgBudget observed =
        Allocation.observe(
            budget,
            used,
            limit,
            observedAt,
            Allocation.countedFrom(observedAt, requestedAt, observationSkew, clockTolerance));
    if (observed != budget) {
      budget = observed;
      summaryStale = true;
    }
  }

  /** Leases a previous run granted and stored at its clean stop count again. */
  public void restore(List<Lease> restored, Instant now) {
    restored.forEach(leases::add);
    budget(now);
  }

  /** A minute of own spend restored from storage (the latest stored state wins). */
  public void restoreSpend(SpendLog.Bucket bucket) {
    spend.restore(bucket);
    spend.drainDirty();
    summaryStale = true;
  }

  public void applySettings(Settings settings) {
    budget = budget.withSettings(settings);
  }

  public void learnUntil(Instant until) {
    budget = budget.withLearningUntil(until);
  }

  /** The leases that still count, for a clean stop. */
  public List<Lease> liveLeases(Instant now) {
    budget(now);
    return leases.leases();
  }

  /** Spend buckets changed since the last call, to be stored; buckets a window old forgotten. */
  public List<SpendLog.Bucket> drainSpend(Instant now) {
    List<SpendLog.Bucket> changed = spend.drainDirty();
    spend.prune(now.minus(OrgBudget.WINDOW));
    return changed;
  }

  /** Leadgate's calls in the window: reported ones plus those outstanding. */
  public long leadgateUsage(Instant now) {
    return spend.inWindow(now) + budget(now).outstanding();
  }

  /** When the window next frees calls by itself: own calls leave it, or the reading lapses. */
  public Instant windowFreesAt(Instant now) {
    Instant freesAt = spend.nextRelease(now);
    if (budget.observedAt() != null) {
      Instant observationLapses = budget.observedAt().plus(OrgBudget.WINDOW);
      if (observationLapses.isAfter(now)) {
        freesAt = earliest(freesAt, observationLapses);
      }
    }
    return freesAt;
  }

  public int liveLeaseCount() {
    return leases.size();
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
