package io.leadgate.service.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease a service keeps for its next calls, Doorman style: calls are carved from it locally, with
 * no round trip to budget-service, until it runs out or has been held for its hold time. It is then
 * retired and reported once, after the last carve-out has been settled, with what they spent.
 *
 * <p>Only a lease granted in BLUE mode is held; the hold time is far shorter than the lease, so a
 * carve-out is always spent well before budget-service stops counting the lease. Plain state, not
 * thread-safe: callers hold its monitor.
 */
final class HeldLease {

  private final Allowance lease;
  private final Instant carveUntil;
  private long free;
  private long spent;
  private int open;
  private boolean retired;
  private boolean reported;

  HeldLease(Allowance lease, Instant now, Duration holdFor) {
    this.lease = lease;
    Instant held = now.plus(holdFor);
    this.carveUntil = held.isBefore(lease.expiresAt()) ? held : lease.expiresAt();
    this.free = lease.granted();
  }

  String leaseId() {
    return lease.leaseId();
  }

  /**
   * Up to {@code calls} of this lease for one caller, to settle with {@link #settle}; empty when it
   * is retired, past its hold time, or has fewer calls left.
   */
  Optional<Allowance> carve(long calls, Instant now) {
    if (retired || !now.isBefore(carveUntil) || free < calls || calls < 1) {
      return Optional.empty();
    }
    free -= calls;
    open++;
    return Optional.of(new Allowance(calls, lease.leaseId(), lease.expiresAt(), lease.mode()));
  }

  /**
   * A carve-out of {@code granted} calls spent {@code used}; what it did not spend can be carved
   * again. True when the lease is now due to be reported (retired, nothing open).
   */
  boolean settle(long granted, long used) {
    open--;
    spent += used;
    free += Math.max(0, granted - used);
    return due();
  }

  /** No more carve-outs. True when the lease is now due to be reported (nothing open). */
  boolean retire() {
    retired = true;
    return due();
  }

  /** Past its hold time with nothing open: holding it longer only keeps calls from others. */
  boolean idle(Instant now) {
    return open == 0 && !now.isBefore(carveUntil);
  }

  /** What its carve-outs spent, to report. */
  long spent() {
    return spent;
  }

  private boolean due() {
    if (retired && open == 0 && !reported) {
      reported = true;
      return true;
    }
    return false;
  }
}
