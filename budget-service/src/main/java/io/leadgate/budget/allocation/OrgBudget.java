package io.leadgate.budget.allocation;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything budget-service knows about one org's calls at one moment: its limit, the admin's
 * settings, the usage Salesforce last reported, the leases handed out and a summary of Leadgate's
 * own reported calls. Immutable; {@link Allocation} derives the next state.
 *
 * @param dailyLimit the org's limit as Salesforce reported it, or the configured default
 * @param observedUsage the org's usage (all integrations) as last observed from Salesforce
 * @param observedAt when that usage was observed, or null if never
 * @param spend Leadgate's own reported calls, summarised for now
 * @param learningUntil nothing is granted before this instant: after a restart, leases the previous
 *     run granted are unknown, and they are only harmless once they have expired (Doorman's
 *     learning mode)
 * @param observationSkew how much later than Salesforce's count a usage reading may be stamped
 */
public record OrgBudget(
    String orgId,
    long dailyLimit,
    Settings settings,
    long observedUsage,
    Instant observedAt,
    List<Lease> leases,
    SpendSummary spend,
    Instant learningUntil,
    Duration observationSkew) {

  /** Salesforce's rolling window. */
  public static final Duration WINDOW = Duration.ofHours(24);

  /** The trailing slot that EVEN pacing limits to its share of the cap. */
  public static final Duration PACING_SLOT = Duration.ofHours(1);

  public OrgBudget {
    leases = List.copyOf(leases);
  }

  public long capCalls() {
    return dailyLimit * settings.capPercent() / 100;
  }

  /**
   * The observed usage as it stands now: the calls Leadgate reported that have surely left the
   * window since the observation are taken off, and an observation a whole window old says nothing
   * any more (everything it counted has left).
   */
  public long estimatedUsage(Instant now) {
    if (observedAt == null || !now.isBefore(observedAt.plus(WINDOW))) {
      return 0;
    }
    return Math.max(0, observedUsage - spend.agedOut());
  }

  public long outstanding(Instant now) {
    long sum = 0;
    for (Lease lease : leases) {
      sum += lease.outstanding(now, observedAt, observationSkew);
    }
    return sum;
  }

  /** Estimated usage plus outstanding grants: what the org may have spent by now. */
  public long committed(Instant now) {
    return estimatedUsage(now) + outstanding(now);
  }

  /** Calls that may be granted now for this purpose, honouring cap, reserve and pacing. */
  public long headroom(Purpose purpose, Instant now) {
    if (learningUntil != null && now.isBefore(learningUntil)) {
      return 0;
    }
    long outstanding = outstanding(now);
    long headroom = capCalls() - estimatedUsage(now) - outstanding;
    if (purpose == Purpose.CHECK) {
      headroom -= settings.reserveCalls();
    }
    if (settings.pacing() == BudgetPacing.EVEN) {
      // Reported calls of the last hour may also be outstanding: counted twice, on the safe side.
      long slotShare = ceilDiv(capCalls() * PACING_SLOT.toSeconds(), WINDOW.toSeconds());
      headroom = Math.min(headroom, slotShare - spend.lastHour() - outstanding);
    }
    return Math.max(0, headroom);
  }

  public BudgetMode mode(Instant now) {
    long cap = capCalls();
    long committed = committed(now);
    if (committed >= cap) {
      return BudgetMode.EXHAUSTED;
    }
    return committed * 100 >= cap * (long) settings.goldenPercent()
        ? BudgetMode.GOLDEN
        : BudgetMode.BLUE;
  }

  OrgBudget with(List<Lease> newLeases) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        newLeases,
        spend,
        learningUntil,
        observationSkew);
  }

  public OrgBudget withSpend(SpendSummary newSpend) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        leases,
        newSpend,
        learningUntil,
        observationSkew);
  }

  public OrgBudget withLearningUntil(Instant until) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        leases,
        spend,
        until,
        observationSkew);
  }

  public OrgBudget withSettings(Settings newSettings) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        newSettings,
        observedUsage,
        observedAt,
        leases,
        spend,
        learningUntil,
        observationSkew);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
