package io.leadgate.emulator.faults;

import io.leadgate.emulator.FaultSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** An org's active {@link FaultSpec} with its random source; decides each call's fate. */
public final class FaultPlan {

  /** What happens to one call. */
  public enum Action {
    NONE,
    HTTP_503,
    DROP_CONNECTION,
    COMMIT_THEN_TIMEOUT
  }

  /** The fate of one call: an added latency, then an action. */
  public record Decision(Duration latency, Action action, Duration delay) {
    public static final Decision NONE = new Decision(Duration.ZERO, Action.NONE, Duration.ZERO);
  }

  private final FaultSpec spec;
  private final RandomGenerator random;

  public FaultPlan(FaultSpec spec, RandomGenerator random) {
    this.spec = Objects.requireNonNull(spec);
    this.random = Objects.requireNonNull(random);
  }

  /** A plan drawing from a generator seeded with the spec's seed. */
  public static FaultPlan seeded(FaultSpec spec) {
    return new FaultPlan(spec, new SplittableRandom(spec.seed()));
  }

  public FaultSpec spec() {
    return spec;
  }

  /**
   * Draws the fate of a call. Every call in scope consumes the same number of draws, so a seeded
   * generator replays the same sequence for the same sequence of calls.
   */
  public synchronized Decision decide(String operation) {
    if (spec.isNone() || !spec.appliesTo(operation)) {
      return Decision.NONE;
    }
    long minMs = spec.latencyMin().toMillis();
    long maxMs = spec.latencyMax().toMillis();
    double latencyDraw = random.nextDouble();
    double http5xx = random.nextDouble();
    double drop = random.nextDouble();
    double commit = random.nextDouble();
    Duration latency = Duration.ofMillis(minMs + (long) Math.floor(latencyDraw * (maxMs - minMs)));
    if (maxMs > minMs && latencyDraw >= 1.0) {
      latency = spec.latencyMax();
    }
    Action action = Action.NONE;
    if (http5xx < spec.http5xxRate()) {
      action = Action.HTTP_503;
    } else if (drop < spec.dropConnectionRate()) {
      action = Action.DROP_CONNECTION;
    } else if (commit < spec.commitThenTimeoutRate()
        && FaultSpec.WRITE_OPERATIONS.contains(operation)) {
      action = Action.COMMIT_THEN_TIMEOUT;
    }
    return new Decision(latency, action, spec.commitThenTimeoutDelay());
  }
}
