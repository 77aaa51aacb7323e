package io.leadgate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests and the admin API can move forward, so that session idle expiry and the
 * rolling 24-hour API window can be exercised without waiting. It is either fixed (only moves when
 * told) or follows a base clock plus an offset.
 */
public final class EmulatorClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  private EmulatorClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
    this.base = base;
    this.offset = offset;
    this.zone = zone;
  }

  /** Wall-clock time that can be pushed forward. */
  public static EmulatorClock system() {
    return new EmulatorClock(
        Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /** A clock standing still at {@code start} until advanced. */
  public static EmulatorClock fixed(Instant start) {
    return new EmulatorClock(
        Clock.fixed(start, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
  }

  /** Moves the clock forward (or backward, for a negative amount). */
  public void advance(Duration amount) {
    offset.accumulateAndGet(amount, Duration::plus);
  }

  /** Moves the clock so that {@link #instant()} returns {@code target} now. */
  public void set(Instant target) {
    offset.set(Duration.between(base.instant(), target));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new EmulatorClock(base, offset, newZone);
  }
}
