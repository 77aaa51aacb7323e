package io.leadgate.emulator.limits;

import io.leadgate.emulator.ApiUsageReport;
import io.leadgate.emulator.CallLogEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API REQUESTS accounting of one org: a rolling 24-hour window of counted calls (Salesforce
 * sums the preceding 24 hours rather than resetting daily), the configured limit, usage by other
 * integrations and the tolerated overshoot, plus a bounded log of recent calls.
 */
public final class ApiUsageWindow {

  public static final Duration WINDOW = Duration.ofHours(24);
  private static final int CALL_LOG_CAPACITY = 2_000;

  private record Call(Instant at, String operation) {}

  private final Clock clock;
  private final Deque<Call> window = new ArrayDeque<>();
  private final Deque<CallLogEntry> callLog = new ArrayDeque<>();
  private long limit;
  private long backgroundUsage;
  private double overshootFactor;

  public ApiUsageWindow(Clock clock, long limit, long backgroundUsage, double overshootFactor) {
    this.clock = clock;
    this.limit = limit;
    this.backgroundUsage = backgroundUsage;
    this.overshootFactor = overshootFactor;
  }

  /**
   * Admits and counts one call, or refuses it without counting when usage has reached the limit
   * times the overshoot factor.
   *
   * @return true if the call was admitted
   */
  public synchronized boolean tryAcquire(String operation) {
    Instant now = clock.instant();
    evict(now);
    if (window.size() + backgroundUsage >= threshold()) {
      return false;
    }
    window.addLast(new Call(now, operation));
    return true;
  }

  /** Records the outcome of a call in the call log. */
  public synchronized void log(String operation, boolean counted, String outcome) {
    callLog.addLast(new CallLogEntry(clock.instant(), operation, counted, outcome));
    while (callLog.size() > CALL_LOG_CAPACITY) {
      callLog.removeFirst();
    }
  }

  /** Usage as LimitInfoHeader reports it: calls in the window plus background usage. */
  public synchronized long current() {
    evict(clock.instant());
    return window.size() + backgroundUsage;
  }

  public synchronized long limit() {
    return limit;
  }

  public synchronized long callsInWindow() {
    evict(clock.instant());
    return window.size();
  }

  public synchronized ApiUsageReport report() {
    evict(clock.instant());
    Map<String, Long> byOperation = new TreeMap<>();
    for (Call call : window) {
      byOperation.merge(call.operation(), 1L, Long::sum);
    }
    return new ApiUsageReport(
        window.size(), backgroundUsage, limit, overshootFactor, Map.copyOf(byOperation));
  }

  public synchronized List<CallLogEntry> callLog() {
    return new ArrayList<>(callLog);
  }

  /** Changes the limits; null leaves a value as it is. */
  public synchronized void update(Long newLimit, Long newBackgroundUsage, Double newOvershoot) {
    if (newLimit != null) {
      if (newLimit <= 0) {
        throw new IllegalArgumentException("dailyApiLimit must be positive");
      }
      limit = newLimit;
    }
    if (newBackgroundUsage != null) {
      if (newBackgroundUsage < 0) {
        throw new IllegalArgumentException("backgroundUsage must not be negative");
      }
      backgroundUsage = newBackgroundUsage;
    }
    if (newOvershoot != null) {
      if (newOvershoot <= 0) {
        throw new IllegalArgumentException("overshootFactor must be positive");
      }
      overshootFactor = newOvershoot;
    }
  }

  private double threshold() {
    return Math.floor(limit * overshootFactor);
  }

  private void evict(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!window.isEmpty() && !window.peekFirst().at().isAfter(cutoff)) {
      window.removeFirst();
    }
  }
}
