package io.leadgate.budget.allocation;

import java.time.Instant;

/**
 * What Leadgate's own reported calls tell about the org's window, summarised by {@link SpendLog}
 * for one moment.
 *
 * @param agedOut reported calls that the last observation surely counted and that have surely left
 *     Salesforce's rolling window since: the observed usage is that much too high now
 * @param lastHour reported calls in the trailing hour (pacing)
 * @param changesAt when the passing of time alone next changes this summary (null: never)
 */
public record SpendSummary(long agedOut, long lastHour, Instant changesAt) {

  public static final SpendSummary NONE = new SpendSummary(0, 0, null);
}
