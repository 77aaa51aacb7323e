package io.leadgate.budget.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget rules as pure functions over {@link OrgBudget}: no clock, no I/O, no framework. The
 * invariant every function keeps: observed usage plus outstanding grants never exceeds the cap,
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
    long headroom = Math.max(0, live.capCalls() - live.committed(now));
    long granted = Math.min(requested, headroom);
    Lease lease = Lease.granted(leaseId, granted, purpose, now, now.plus(leaseDuration));
    if (granted == 0) {
      return new Decision(live, lease);
    }
    List<Lease> leases = new ArrayList<>(live.leases());
    leases.add(lease);
    return new Decision(withLeases(live, leases), lease);
  }

  /** The caller spent {@code used} calls of a lease and returns the rest. */
  public static OrgBudget report(OrgBudget budget, String leaseId, long used, Instant now) {
    List<Lease> leases = new ArrayList<>();
    for (Lease lease : budget.leases()) {
      leases.add(lease.leaseId().equals(leaseId) ? lease.reported(used, now) : lease);
    }
    return withLeases(budget, leases);
  }

  /** Salesforce reported the org's usage and limit at {@code observedAt}. */
  public static OrgBudget observe(OrgBudget budget, long used, long limit, Instant observedAt) {
    if (budget.observedAt() != null && observedAt.isBefore(budget.observedAt())) {
      return budget; // an older observation arriving late says nothing new
    }
    return new OrgBudget(
        budget.orgId(),
        limit > 0 ? limit : budget.dailyLimit(),
        budget.capPercent(),
        budget.goldenPercent(),
        used,
        observedAt,
        budget.leases());
  }

  private static OrgBudget withoutSettledLeases(OrgBudget budget, Instant now) {
    List<Lease> live =
        budget.leases().stream()
            .filter(lease -> lease.outstanding(now, budget.observedAt()) > 0)
            .toList();
    return live.size() == budget.leases().size() ? budget : withLeases(budget, live);
  }

  private static OrgBudget withLeases(OrgBudget budget, List<Lease> leases) {
    return new OrgBudget(
        budget.orgId(),
        budget.dailyLimit(),
        budget.capPercent(),
        budget.goldenPercent(),
        budget.observedUsage(),
        budget.observedAt(),
        leases);
  }
}
