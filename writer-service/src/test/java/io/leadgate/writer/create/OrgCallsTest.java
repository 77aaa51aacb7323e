package io.leadgate.writer.create;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.contracts.BudgetMode;
import io.leadgate.service.budget.Allowance;
import io.leadgate.service.budget.BudgetClient;
import io.leadgate.testsupport.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgCallsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

  /** budget-service as the writer sees it: hands out the queued grants, records the reports. */
  private static final class GrantingBudget extends BudgetClient {
    final Deque<Allowance> grants = new ArrayDeque<>();
    final List<Long> reported = new ArrayList<>();
    int requests;

    GrantingBudget() {
      super(URI.create("http://127.0.0.1:1"), "token", Duration.ofSeconds(1));
    }

    @Override
    public Allowance request(String orgId, long calls, Purpose purpose) {
      requests++;
      return grants.isEmpty() ? Allowance.none() : grants.poll();
    }

    @Override
    public void report(String orgId, Allowance allowance, long used) {
      reported.add(used);
    }
  }

  private static Allowance lease(long calls, Instant expiresAt) {
    return new Allowance(calls, "lease-" + calls + "-" + expiresAt, expiresAt, BudgetMode.BLUE);
  }

  private final SettableClock clock = new SettableClock(T0);
  private final GrantingBudget budget = new GrantingBudget();
  private final OrgCalls calls = new OrgCalls(budget, "org-a", clock);

  @Test
  void callsComeFromTheReservedLeaseUntilItIsSpentThenOneMoreIsAskedFor() {
    budget.grants.add(lease(2, T0.plusSeconds(30)));
    budget.grants.add(lease(1, T0.plusSeconds(30)));
    calls.reserve(2);

    calls.take();
    calls.take();
    calls.take();
    calls.report();

    assertThat(calls.used()).isEqualTo(3);
    assertThat(budget.requests).isEqualTo(2);
    assertThat(budget.reported).containsExactly(2L, 1L);
  }

  @Test
  void anExpiredLeaseIsNotSpentButReportedWithWhatItDidSpend() {
    budget.grants.add(lease(5, T0.plusSeconds(30)));
    calls.reserve(5);
    calls.take();

    clock.set(T0.plusSeconds(30)); // paused past the lease, e.g. a stopped process
    budget.grants.add(lease(1, T0.plusSeconds(60)));
    calls.take();
    calls.report();

    assertThat(budget.requests).isEqualTo(2);
    assertThat(budget.reported).containsExactly(1L, 1L);
  }

  @Test
  void noCallWithoutAnUnexpiredLeaseEvenWhenBudgetServiceGrantsOneAlreadyExpired() {
    // A writer whose clock runs ahead of budget-service's sees a fresh grant as expired.
    budget.grants.add(lease(1, T0.minusSeconds(1)));

    assertThatThrownBy(calls::take).isInstanceOf(OrgCalls.Deferral.class);
    assertThat(calls.used()).isZero();
    assertThat(budget.requests).isEqualTo(1);
  }

  @Test
  void atTheCapTheCallIsDeferred() {
    assertThatThrownBy(calls::take)
        .isInstanceOf(OrgCalls.Deferral.class)
        .hasMessageContaining("cap");
    assertThat(calls.used()).isZero();
  }
}
