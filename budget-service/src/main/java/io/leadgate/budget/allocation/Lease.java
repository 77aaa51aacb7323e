package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;

/**
 * Calls granted to a caller until {@code expiresAt}. Until an observation of the org's usage made
 * after the calls can have happened, they are counted here: unreported, the whole grant counts
 * until Salesforce was observed after the lease expired; reported, the used calls count until
 * Salesforce was observed after the report. "After" means later by at least the observation skew: a
 * LimitInfoHeader reading is stamped when the response arrives, which can be that much later than
 * the moment Salesforce counted, so a reading stamped just after a report may predate the reported
 * calls.
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

  public boolean isReported() {
    return reportedUsed >= 0;
  }

  public Lease reported(long used, Instant at) {
    return new Lease(leaseId, granted, purpose, grantedAt, expiresAt, Math.min(used, granted), at);
  }

  /** The latest moment a call of this lease can have reached Salesforce. */
  public Instant lastCallBy() {
    return isReported() && reportedAt.isBefore(expiresAt) ? reportedAt : expiresAt;
  }

  /**
   * Calls this lease may have added to the org's usage beyond the last observation. A day after its
   * last possible call they have left Salesforce's rolling window whatever was observed.
   */
  public long outstanding(Instant now, Instant lastObservedAt, Duration observationSkew) {
    long calls = isReported() ? reportedUsed : granted;
    if (calls == 0 || !now.isBefore(lastCallBy().plus(OrgBudget.WINDOW))) {
      return 0;
    }
    boolean observedSince =
        lastObservedAt != null && lastObservedAt.isAfter(lastCallBy().plus(observationSkew));
    return observedSince ? 0 : calls;
  }
}
