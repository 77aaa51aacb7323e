package io.leadgate.budget.allocation;

import java.time.Instant;

/**
 * Calls granted to a caller until {@code expiresAt}. Until a usage reading that surely counted them
 * has arrived, they are counted here: unreported, the whole grant counts until a reading counted
 * after the lease expired; reported, the used calls count until a reading counted after the report.
 * "Counted after" is judged by the reading's {@link OrgBudget#countedFrom()}.
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

  /** The calls this lease may have added to the org's usage: all it holds until reported. */
  public long calls() {
    return isReported() ? reportedUsed : granted;
  }

  /**
   * Whether this lease no longer adds anything beyond the last reading: it holds no calls, a
   * reading counted everything that happened before {@code countedFrom} (null: no reading) and its
   * last call was earlier, or a day has passed since its last possible call, so they have left
   * Salesforce's rolling window whatever was observed.
   */
  public boolean settled(Instant countedFrom, Instant now) {
    return calls() == 0
        || (countedFrom != null && countedFrom.isAfter(lastCallBy()))
        || !now.isBefore(lastCallBy().plus(OrgBudget.WINDOW));
  }
}
