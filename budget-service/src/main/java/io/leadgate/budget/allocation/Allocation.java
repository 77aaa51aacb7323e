package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget rules as pure functions over {@link OrgBudget}: no clock, no I/O, no framework. The
 * invariant every function keeps: estimated usage plus outstanding grants never exceeds the cap,
 * unless usage alone already did (other integrations can spend past it), and then nothing is
 * granted.
 */
public final class Allocation {

  private Allocation() {}

  /** The result of a request: the new state and the grant (zero calls when nothing is left). */
  public record Decision(OrgBudget budget, Lease lease) {}

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
    OrgBudget live = withoutSettledLeases(budget, now);
    long granted = Math.min(requested, live.headroom(purpose, now));
    Lease lease = Lease.granted(leaseId, granted, purpose, now, now.plus(leaseDuration));
    if (granted == 0) {
      return new Decision(live, lease);
    }
    List<Lease> leases = new ArrayList<>(live.leases().size() + 1);
    leases.addAll(live.leases());
    leases.add(lease);
    return new Decision(live.with(leases), lease);
  }

  /**
   * The caller spent {@code used} calls of a lease and returns the rest. Unknown leases (settled,
   * or granted before a restart) change nothing: their calls are counted by observations.
   */
  public static OrgBudget report(OrgBudget budget, String leaseId, long used, Instant now) {
    List<Lease> leases = new ArrayList<>(budget.leases().size());
    for (Lease lease : budget.leases()) {
      leases.add(
          lease.leaseId().equals(leaseId) && !lease.isReported()
              ? lease.reported(used, now)
              : lease);
    }
    return withoutSettledLeases(budget.with(leases), now);
  }

  /** Salesforce reported the org's usage and limit at {@code observedAt}. */
  public static OrgBudget observe(OrgBudget budget, long used, long limit, Instant observedAt) {
    if (budget.observedAt() != null && observedAt.isBefore(budget.observedAt())) {
      return budget; // an older observation arriving late says nothing new
    }
    return new OrgBudget(
        budget.orgId(),
        limit > 0 ? limit : budget.dailyLimit(),
        budget.settings(),
        used,
        observedAt,
        budget.leases(),
        budget.spend(),
        budget.learningUntil(),
        budget.observationSkew());
  }

  /** Leases a previous run granted and stored at its clean stop count again. */
  public static OrgBudget restore(OrgBudget budget, List<Lease> restored, Instant now) {
    List<Lease> leases = new ArrayList<>(budget.leases());
    for (Lease lease : restored) {
      if (leases.stream().noneMatch(known -> known.leaseId().equals(lease.leaseId()))) {
        leases.add(lease);
      }
    }
    return withoutSettledLeases(budget.with(leases), now);
  }

  /** Drops leases that no longer count: observed since, or a whole window old. */
  public static OrgBudget withoutSettledLeases(OrgBudget budget, Instant now) {
    List<Lease> live = null;
    List<Lease> leases = budget.leases();
    for (int i = 0; i < leases.size(); i++) {
      Lease lease = leases.get(i);
      boolean settled = lease.outstanding(now, budget.observedAt(), budget.observationSkew()) == 0;
      if (settled && live == null) {
        live = new ArrayList<>(leases.subList(0, i));
      } else if (!settled && live != null) {
        live.add(lease);
      }
    }
    return live == null ? budget : budget.with(live);
  }
}
