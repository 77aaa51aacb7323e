package io.leadgate.service.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.BudgetMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeldLeaseTest {

  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final Duration HOLD = Duration.ofSeconds(1);

  private static Allowance lease(long granted, Duration expiresIn) {
    return new Allowance(granted, "lease-1", T0.plus(expiresIn), BudgetMode.BLUE);
  }

  @ParameterizedTest(name = "{0} of {1} granted, asked {2} at +{3} ms: carved {4}")
  @CsvSource({
    // granted, already carved, asked, at (ms after grant), carved?
    "10, 0, 1, 0, true",
    "10, 9, 1, 999, true",
    "10, 9, 2, 0, false", // one call left
    "10, 0, 1, 1000, false", // the hold time is over
    "10, 0, 0, 0, false", // nothing asked, nothing to carve
    "10, 0, 10, 0, true",
  })
  void carvesOnlyWhatIsLeftWithinTheHoldTime(
      long granted, long carvedBefore, long asked, long atMillis, boolean carved) {
    HeldLease held = new HeldLease(lease(granted, Duration.ofSeconds(30)), T0, HOLD);
    if (carvedBefore > 0) {
      assertThat(held.carve(carvedBefore, T0)).isPresent();
    }

    Optional<Allowance> out = held.carve(asked, T0.plusMillis(atMillis));

    assertThat(out.isPresent()).isEqualTo(carved);
    out.ifPresent(
        a -> {
          assertThat(a.granted()).isEqualTo(asked);
          assertThat(a.leaseId()).isEqualTo("lease-1");
          assertThat(a.expiresAt()).isEqualTo(T0.plusSeconds(30));
          assertThat(a.mode()).isEqualTo(BudgetMode.BLUE);
        });
  }

  @Test
  void aLeaseShorterThanTheHoldTimeIsCarvedOnlyUntilItExpires() {
    HeldLease held = new HeldLease(lease(10, Duration.ofMillis(200)), T0, HOLD);

    assertThat(held.carve(1, T0.plusMillis(199))).isPresent();
    assertThat(held.carve(1, T0.plusMillis(200))).isEmpty();
  }

  @Test
  void unspentCallsOfASettledCarveOutCanBeCarvedAgain() {
    HeldLease held = new HeldLease(lease(2, Duration.ofSeconds(30)), T0, HOLD);
    Allowance first = held.carve(2, T0).orElseThrow();
    assertThat(held.carve(1, T0)).isEmpty();

    held.settle(first.granted(), 1);

    assertThat(held.carve(1, T0)).isPresent();
    assertThat(held.carve(1, T0)).isEmpty();
  }

  @Test
  void aRetiredLeaseIsDueOnlyOnceItsLastCarveOutIsSettledAndThenNeverAgain() {
    HeldLease held = new HeldLease(lease(10, Duration.ofSeconds(30)), T0, HOLD);
    Allowance a = held.carve(1, T0).orElseThrow();
    Allowance b = held.carve(3, T0).orElseThrow();

    assertThat(held.retire()).isFalse();
    assertThat(held.carve(1, T0)).isEmpty();
    assertThat(held.settle(a.granted(), 1)).isFalse();
    assertThat(held.settle(b.granted(), 2)).isTrue();
    assertThat(held.spent()).isEqualTo(3);
    assertThat(held.retire()).isFalse();
  }

  @Test
  void isIdleOnlyPastItsHoldTimeWithNothingOpen() {
    HeldLease held = new HeldLease(lease(10, Duration.ofSeconds(30)), T0, HOLD);
    Allowance a = held.carve(1, T0).orElseThrow();

    assertThat(held.idle(T0.plus(HOLD))).isFalse();
    held.settle(a.granted(), 1);
    assertThat(held.idle(T0.plus(HOLD).minusMillis(1))).isFalse();
    assertThat(held.idle(T0.plus(HOLD))).isTrue();
  }

  /** One step of a caller's life with a held lease. */
  private record Step(int kind, int calls, int spend, int atMillis) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1500))
            .as(Step::new);
    return step.list().ofMaxSize(60);
  }

  /**
   * Whatever the callers do: no more calls are out than granted, nothing is carved once retired or
   * past the hold time, and the lease is due exactly once, after its last carve-out, with the sum
   * of what they spent.
   */
  @Property
  void neverHandsOutMoreThanGrantedAndIsReportedOnceWithAllThatWasSpent(
      @ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 0, max = 12) int granted) {
    HeldLease held = new HeldLease(lease(granted, Duration.ofSeconds(30)), T0, HOLD);
    List<Allowance> open = new ArrayList<>();
    boolean retired = false;
    int dueCount = 0;
    long spent = 0;
    for (Step step : steps) {
      Instant at = T0.plusMillis(step.atMillis());
      switch (step.kind()) {
        case 0, 1 -> {
          Optional<Allowance> carved = held.carve(step.calls(), at);
          if (carved.isPresent()) {
            assertThat(retired).isFalse();
            assertThat(at).isBefore(T0.plus(HOLD));
            open.add(carved.get());
          }
        }
        case 2 -> {
          if (!open.isEmpty()) {
            Allowance settled = open.remove(0);
            long used = Math.min(step.spend(), settled.granted());
            spent += used;
            if (held.settle(settled.granted(), used)) {
              dueCount++;
            }
          }
        }
        default -> {
          retired = true;
          if (held.retire()) {
            dueCount++;
          }
        }
      }
      long out = open.stream().mapToLong(Allowance::granted).sum();
      assertThat(out + spent).isLessThanOrEqualTo(granted);
      if (dueCount > 0) {
        assertThat(open).isEmpty();
        assertThat(retired).isTrue();
      }
    }
    while (!open.isEmpty()) {
      Allowance settled = open.remove(0);
      spent += settled.granted();
      if (held.settle(settled.granted(), settled.granted())) {
        dueCount++;
      }
    }
    if (held.retire()) {
      dueCount++;
    }
    assertThat(dueCount).isEqualTo(1);
    assertThat(held.spent()).isEqualTo(spent);
  }
}
