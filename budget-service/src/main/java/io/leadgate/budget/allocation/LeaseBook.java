package io.leadgate.budget.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One org's outstanding leases and the sum of their calls, kept so that a decision costs O(1) and a
 * grant, report or settlement O(log n) however many leases are live. Both ways a lease settles (a
 * reading counted after its last call, or a day after it) depend only on its last possible call, so
 * the leases are kept in that order and settle from the head. Plain data, not thread-safe: one
 * org's ledger entry guards it.
 */
public final class LeaseBook {

  private static final Comparator<Lease> BY_LAST_CALL =
      Comparator.comparing(Lease::lastCallBy).thenComparing(Lease::leaseId);

  private final Map<String, Lease> byId = new HashMap<>();
  private final TreeSet<Lease> byLastCall = new TreeSet<>(BY_LAST_CALL);
  private long outstanding;

  /** Calls of every lease that still counts. */
  public long outstanding() {
    return outstanding;
  }

  public int size() {
    return byId.size();
  }

  /** Adds a lease, unless it holds no calls or one with its id is known already. */
  public void add(Lease lease) {
    if (lease.calls() == 0 || byId.containsKey(lease.leaseId())) {
      return;
    }
    byId.put(lease.leaseId(), lease);
    byLastCall.add(lease);
    outstanding += lease.calls();
  }

  /**
   * The caller spent {@code used} calls of a lease and returns the rest.
   *
   * @return the lease as reported, or null when it is unknown (settled, or granted before a
   *     restart) or was reported already: then nothing changes
   */
  public Lease report(String leaseId, long used, Instant now) {
    Lease lease = byId.get(leaseId);
    if (lease == null || lease.isReported()) {
      return null;
    }
    remove(lease);
    Lease reported = lease.reported(used, now);
    add(reported);
    return reported;
  }

  /** Drops every lease that no longer counts (see {@link Lease#settled}). */
  public void settle(Instant countedFrom, Instant now) {
    while (!byLastCall.isEmpty() && byLastCall.first().settled(countedFrom, now)) {
      remove(byLastCall.first());
    }
  }

  /** The leases that still count, oldest last call first. */
  public List<Lease> leases() {
    return new ArrayList<>(byLastCall);
  }

  private void remove(Lease lease) {
    byId.remove(lease.leaseId());
    byLastCall.remove(lease);
    outstanding -= lease.calls();
  }
}
