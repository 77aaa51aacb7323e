package io.leadgate.budget.allocation;

import io.leadgate.contracts.BudgetMode;
import java.time.Instant;
import java.util.List;

/**
 * Everything budget-service knows about one org's calls: its limit, the admin's cap, the usage
 * Salesforce last reported, and the leases handed out. Immutable; {@link Allocation} derives the
 * next state.
 *
 * @param observedUsage the org's usage (all integrations) as last observed from Salesforce
 * @param observedAt when that usage was observed, or null if never
 * @param capPercent the share of the daily limit up to which the org's usage may go with Leadgate
 * @param goldenPercent the share of the cap from which reporting degrades
 */
public record OrgBudget(
    String orgId,
    long dailyLimit,
    int capPercent,
    int goldenPercent,
    long observedUsage,
    Instant observedAt,
    List<Lease> leases) {

  public OrgBudget {
    leases = List.copyOf(leases);
  }

  public long capCalls() {
    return dailyLimit * capPercent / 100;
  }

  public long outstanding(Instant now) {
    return leases.stream().mapToLong(lease -> lease.outstanding(now, observedAt)).sum();
  }

  /** Observed usage plus outstanding grants: what the org may have spent by now. */
  public long committed(Instant now) {
    return observedUsage + outstanding(now);
  }

  public BudgetMode mode(Instant now) {
    long cap = capCalls();
    long committed = committed(now);
    if (committed >= cap) {
      return BudgetMode.EXHAUSTED;
    }
    return committed * 100 >= cap * (long) goldenPercent ? BudgetMode.GOLDEN : BudgetMode.BLUE;
  }
}
