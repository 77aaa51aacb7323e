package io.leadgate.budget.allocation;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetPacing;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything budget-service knows about one org's calls at one moment, as numbers: its limit, the
 * admin's settings, the usage Salesforce last reported, the calls of the leases that still count
 * and a summary of Leadgate's own reported calls. Immutable, and every rule on it is O(1); {@link
 * Allocation} derives the next state, {@link OrgAccount} keeps the leases behind {@code
 * outstanding}.
 *
 * @param dailyLimit the org's limit as Salesforce reported it, or the configured default
 * @param observedUsage the org's usage (all integrations) as last observed from Salesforce
 * @param observedAt when the response carrying that usage arrived, or null if never: Salesforce
 *     counted it no later
 * @param countedFrom a moment before which every call that ended is surely in {@code observedUsage}
 *     (the reading's request time less the clock tolerance, or for a reading without one its
 *     arrival less the observation skew); null if never observed
 * @param outstanding calls of the leases not yet settled by a reading (see {@link LeaseBook})
 * @param spend Leadgate's own reported calls, summarised for now
 * @param learningUntil nothing is granted before this instant: after a restart, leases the previous
 *     run granted are unknown, and they are only harmless once they have expired (Doorman's
 *     learning mode)
 */
public record OrgBudget(
    String orgId,
    long dailyLimit,
    Settings settings,
    long observedUsage,
    Instant observedAt,
    Instant countedFrom,
    long outstanding,
    SpendSummary spend,
    Instant learningUntil) {

  /** Salesforce's rolling window. */
  public static final Duration WINDOW = Duration.ofHours(24);

  /** The trailing slot that EVEN pacing limits to its share of the cap. */
  public static final Duration PACING_SLOT = Duration.ofHours(1);

  /** An org never observed, with no leases: only the default limit and settings. */
  public static OrgBudget unobserved(String orgId, long dailyLimit, Settings settings) {
    return new OrgBudget(orgId, dailyLimit, settings, 0, null, null, 0, SpendSummary.NONE, null);
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

  /** Estimated usage plus outstanding grants: what the org may have spent by now. */
  public long committed(Instant now) {
    return estimatedUsage(now) + outstanding;
  }

  /** Calls that may be granted now for this purpose, honouring cap, reserve and pacing. */
  public long headroom(Purpose purpose, Instant now) {
    if (learningUntil != null && now.isBefore(learningUntil)) {
      return 0;
    }
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

  public OrgBudget withOutstanding(long calls) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        countedFrom,
        calls,
        spend,
        learningUntil);
  }

  public OrgBudget withSpend(SpendSummary newSpend) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        countedFrom,
        outstanding,
        newSpend,
        learningUntil);
  }

  public OrgBudget withLearningUntil(Instant until) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        settings,
        observedUsage,
        observedAt,
        countedFrom,
        outstanding,
        spend,
        until);
  }

  public OrgBudget withSettings(Settings newSettings) {
    return new OrgBudget(
        orgId,
        dailyLimit,
        newSettings,
        observedUsage,
        observedAt,
        countedFrom,
        outstanding,
        spend,
        learningUntil);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
