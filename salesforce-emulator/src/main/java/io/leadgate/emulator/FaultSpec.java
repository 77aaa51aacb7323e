package io.leadgate.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Faults an org injects into its SOAP API calls, for retry and exactly-once tests. Each call in
 * scope first waits the latency, then draws, in this order: an HTTP 503 from the "load balancer"
 * (the call is neither executed nor counted), a dropped connection (the exchange is closed without
 * an answer; the call is neither executed nor counted), and, for writes only (create, update,
 * upsert), "commit then time out": the call is executed and counted, then the answer is held back
 * for {@code commitThenTimeoutDelay}, which should exceed the client's read timeout.
 *
 * <p>Use {@link #none()} and the withers. The draws come from a {@link
 * java.util.random.RandomGenerator} seeded with {@code seed} (see {@link
 * EmulatedOrg#setFaults(FaultSpec, java.util.random.RandomGenerator)} to inject one).
 *
 * @param latencyMin minimum added latency, zero for none
 * @param latencyMax maximum added latency; equal to latencyMin for a fixed latency
 * @param http5xxRate probability (0..1) of answering HTTP 503 with an HTML body
 * @param dropConnectionRate probability (0..1) of closing the connection without an answer
 * @param commitThenTimeoutRate probability (0..1) that a write is applied but answered late
 * @param commitThenTimeoutDelay how long such an answer is held back
 * @param operations the SOAP operation names in scope (e.g. "create"); empty means all
 * @param seed seed of the random draws
 */
public record FaultSpec(
    Duration latencyMin,
    Duration latencyMax,
    double http5xxRate,
    double dropConnectionRate,
    double commitThenTimeoutRate,
    Duration commitThenTimeoutDelay,
    Set<String> operations,
    long seed) {

  /** Default hold-back for commit-then-timeout: longer than typical client read timeouts. */
  public static final Duration DEFAULT_COMMIT_THEN_TIMEOUT_DELAY = Duration.ofSeconds(30);

  /** Operations "commit then time out" applies to. */
  public static final Set<String> WRITE_OPERATIONS = Set.of("create", "update", "upsert");

  public FaultSpec {
    Objects.requireNonNull(latencyMin, "latencyMin");
    Objects.requireNonNull(latencyMax, "latencyMax");
    Objects.requireNonNull(commitThenTimeoutDelay, "commitThenTimeoutDelay");
    if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0) {
      throw new IllegalArgumentException("need 0 <= latencyMin <= latencyMax");
    }
    if (commitThenTimeoutDelay.isNegative()) {
      throw new IllegalArgumentException("commitThenTimeoutDelay must not be negative");
    }
    requireProbability("http5xxRate", http5xxRate);
    requireProbability("dropConnectionRate", dropConnectionRate);
    requireProbability("commitThenTimeoutRate", commitThenTimeoutRate);
    operations =
        operations == null
            ? Set.of()
            : operations.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
  }

  /** No faults at all. */
  public static FaultSpec none() {
    return new FaultSpec(
        Duration.ZERO, Duration.ZERO, 0, 0, 0, DEFAULT_COMMIT_THEN_TIMEOUT_DELAY, Set.of(), 0);
  }

  /** A fixed latency. */
  public FaultSpec withLatency(Duration latency) {
    return withLatency(latency, latency);
  }

  /** A latency drawn uniformly from min..max. */
  public FaultSpec withLatency(Duration min, Duration max) {
    return new FaultSpec(
        min,
        max,
        http5xxRate,
        dropConnectionRate,
        commitThenTimeoutRate,
        commitThenTimeoutDelay,
        operations,
        seed);
  }

  public FaultSpec withHttp5xxRate(double rate) {
    return new FaultSpec(
        latencyMin,
        latencyMax,
        rate,
        dropConnectionRate,
        commitThenTimeoutRate,
        commitThenTimeoutDelay,
        operations,
        seed);
  }

  public FaultSpec withDropConnectionRate(double rate) {
    return new FaultSpec(
        latencyMin,
        latencyMax,
        http5xxRate,
        rate,
        commitThenTimeoutRate,
        commitThenTimeoutDelay,
        operations,
        seed);
  }

  /** Writes are applied, then answered only after {@code delay}. */
  public FaultSpec withCommitThenTimeout(double rate, Duration delay) {
    return new FaultSpec(
        latencyMin, latencyMax, http5xxRate, dropConnectionRate, rate, delay, operations, seed);
  }

  /** Restricts the faults to these SOAP operations (e.g. "create", "query"); none means all. */
  public FaultSpec withOperations(Set<String> names) {
    return new FaultSpec(
        latencyMin,
        latencyMax,
        http5xxRate,
        dropConnectionRate,
        commitThenTimeoutRate,
        commitThenTimeoutDelay,
        names,
        seed);
  }

  public FaultSpec withSeed(long newSeed) {
    return new FaultSpec(
        latencyMin,
        latencyMax,
        http5xxRate,
        dropConnectionRate,
        commitThenTimeoutRate,
        commitThenTimeoutDelay,
        operations,
        newSeed);
  }

  /** Whether faults apply to this operation. */
  public boolean appliesTo(String operation) {
    if (operations.isEmpty()) {
      return true;
    }
    for (String op : operations) {
      if (op.toLowerCase(Locale.ROOT).equals(operation.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** True when this spec injects nothing. */
  public boolean isNone() {
    return latencyMax.isZero()
        && http5xxRate == 0
        && dropConnectionRate == 0
        && commitThenTimeoutRate == 0;
  }

  private static void requireProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability between 0 and 1");
    }
  }
}
