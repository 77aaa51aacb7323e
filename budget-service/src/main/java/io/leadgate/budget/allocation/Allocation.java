package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;

/**
 * The budget rules as pure functions over {@link OrgBudget}: no clock, no I/O, no framework, and
 * O(1). The invariant every function keeps: estimated usage plus outstanding grants never exceeds
 * the cap, unless usage alone already did (other integrations can spend past it), and then nothing
 * is granted.
 */
public final class Allocation {

  private Allocation() {}

  /** The result of a request: the new state and the grant (zero calls when nothing is left). */
  public record Decision(OrgBudget budget, Lease lease) {}

  /**
   * Grants up to {@code requested} calls of the headroom. The budget must have its settled leases
   * dropped for {@code now} ({@link OrgAccount} does), or the grant is smaller than it could be.
   */
  public static Decision request(
      OrgBudget budget,
      long requested,
      Purpose purpose,
      String leaseId,
      Instant now,
      Duration leaseDuration) {
    if (requested <= 0) {
      throw new IllegalArgumentException("Request at least one call");
    }
    long granted = Math.min(requested, budget.headroom(purpose, now));
    Lease lease = Lease.granted(leaseId, granted, purpose, now, now.plus(leaseDuration));
    if (granted == 0) {
      return new Decision(budget, lease);
    }
    return new Decision(budget.withOutstanding(budget.outstanding() + granted), lease);
  }

  /**
   * Salesforce reported the org's usage and limit. A reading that vouches for less than the one
   * held (an earlier {@code countedFrom}, say one arriving late) says nothing new; keeping only
   * later ones also means a lease once settled stays settled.
   */
  public static OrgBudget observe(
      OrgBudget budget, long used, long limit, Instant observedAt, Instant countedFrom) {
    if (budget.countedFrom() != null && countedFrom.isBefore(budget.countedFrom())) {
      return budget;
    }
    return new OrgBudget(
        budget.orgId(),
        limit > 0 ? limit : budget.dailyLimit(),
        budget.settings(),
        used,
        observedAt,
        countedFrom,
        budget.outstanding(),
        budget.spend(),
        budget.learningUntil());
  }

  /**
   * The moment before which every call that ended is surely counted in a reading. With the moment
   * its request was sent ({@code requestedAt}, the caller's clock): Salesforce counted no earlier,
   * so that moment, less the largest difference between the caller's clock and ours. Without it (a
   * record written before the field existed): the arrival, less the longest a Salesforce call may
   * take.
   */
  public static Instant countedFrom(
      Instant observedAt, Instant requestedAt, Duration observationSkew, Duration clockTolerance) {
    return requestedAt != null
        ? requestedAt.minus(clockTolerance)
        : observedAt.minus(observationSkew);
  }
}
