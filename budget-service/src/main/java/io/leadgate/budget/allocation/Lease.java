package io.leadgate.budget.allocation;

import java.time.Instant;

/**
 * Calls granted to a caller until {@code expiresAt}. Until the caller reports what it used, the
 * whole grant counts as spent; once reported, the used calls count until Salesforce's own usage
 * figure, observed after the report, includes them.
 *
 * @param reportedUsed calls the caller says it spent, or -1 while unreported
 */
public record Lease(
    String leaseId,
    long granted,
    Purpose purpose,
    Instant grantedAt,
    Instant expiresAt,
    long reportedUsed,
    Instant reportedAt) {

  public static Lease granted(
      String leaseId, long calls, Purpose purpose, Instant now, Instant expiresAt) {
    return new Lease(leaseId, calls, purpose, now, expiresAt, -1, null);
  }

  public Lease reported(long used, Instant at) {
    return new Lease(leaseId, granted, purpose, grantedAt, expiresAt, Math.min(used, granted), at);
  }

  /** Calls this lease may still add to the org's usage beyond what was observed at that time. */
  public long outstanding(Instant now, Instant lastObservedAt) {
    if (reportedUsed >= 0) {
      boolean observedSinceReport = lastObservedAt != null && lastObservedAt.isAfter(reportedAt);
      return observedSinceReport ? 0 : reportedUsed;
    }
    return now.isBefore(expiresAt) ? granted : 0;
  }
}
