package io.leadgate.writer.create;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.Cloud;
import io.leadgate.service.budget.Allowance;
import io.leadgate.service.budget.BudgetClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Salesforce calls one org's part of a batch may make: every call is taken from an allowance
 * budget-service granted, asking for more only when the first estimate runs out. What is left is
 * reported back so the org's budget gets it back at once. A lease is spent only before it expires:
 * budget-service stops counting it then, so a call made later (after a long GC or a stopped
 * process) could take the org over its cap.
 */
final class OrgCalls {

  private final BudgetClient budget;
  private final String orgId;
  private final Clock clock;
  private final List<Allowance> leases = new ArrayList<>();
  private boolean nearTheCap;
  private final List<Integer> usedPerLease = new ArrayList<>();
  private int used;

  OrgCalls(BudgetClient budget, String orgId, Clock clock) {
    this.budget = budget;
    this.orgId = orgId;
    this.clock = clock;
  }

  /** Asks for {@code calls} up front (one request for the whole batch, not one per call). */
  void reserve(int calls) {
    if (calls > 0) {
      lease(calls);
    }
  }

  /**
   * Takes one call from an unexpired lease, asking budget-service for one more when none is left.
   *
   * @throws Deferral when the org has no allowance left
   */
  void take() {
    if (!takeFromLeases() && (lease(1) == 0 || !takeFromLeases())) {
      throw new Deferral(
          "The org is at Leadgate's API cap; the record is created when the window frees up.");
    }
  }

  private boolean takeFromLeases() {
    for (int i = 0; i < leases.size(); i++) {
      if (usedPerLease.get(i) < leases.get(i).granted() && unexpired(leases.get(i))) {
        usedPerLease.set(i, usedPerLease.get(i) + 1);
        used++;
        return true;
      }
    }
    return false;
  }

  private boolean unexpired(Allowance lease) {
    return lease.expiresAt() != null && clock.instant().isBefore(lease.expiresAt());
  }

  int used() {
    return used;
  }

  /** Reports what each lease spent, returning the rest. */
  void report() {
    for (int i = 0; i < leases.size(); i++) {
      budget.report(orgId, leases.get(i), usedPerLease.get(i));
    }
    leases.clear();
    usedPerLease.clear();
  }

  /**
   * The cloud the rep sees for what these calls decided: GOLDEN when budget-service granted any of
   * them near the cap, BLUE otherwise.
   */
  Cloud cloud() {
    // Remembered apart from the leases, which are handed back before the statuses go out.
    return nearTheCap ? Cloud.GOLDEN : Cloud.BLUE;
  }

  private long lease(int calls) {
    Allowance allowance = budget.request(orgId, calls, BudgetClient.Purpose.CREATE);
    if (allowance.granted() > 0) {
      nearTheCap |= allowance.mode() != BudgetMode.BLUE;
      leases.add(allowance);
      usedPerLease.add(0);
    }
    return allowance.granted();
  }

  /** No call may be made now: no allowance, or Salesforce refused for the org's daily limit. */
  static final class Deferral extends RuntimeException {
    Deferral(String reason) {
      super(reason);
    }
  }
}
