package io.leadgate.contracts;

import java.time.Instant;

/**
 * An org's budget as budget-service sees it, on {@link Topics#BUDGET_STATUS} keyed by org id
 * (compacted: the latest per org is current).
 *
 * @param dailyLimit the org's rolling-24-hour API limit as Salesforce last reported it
 * @param observedUsage the org's total usage last observed, all integrations included
 * @param outstandingGrants calls granted to Leadgate and not yet observed
 * @param capCalls the admin's cap in calls (cap percent × limit)
 */
public record BudgetStatusChanged(
    int schemaVersion,
    String orgId,
    BudgetMode mode,
    long dailyLimit,
    long observedUsage,
    long outstandingGrants,
    long capCalls,
    Instant occurredAt) {

  public static final int VERSION = 1;
}
