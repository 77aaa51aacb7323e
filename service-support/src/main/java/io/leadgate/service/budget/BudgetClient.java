package io.leadgate.service.budget;

import io.leadgate.contracts.BudgetMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks budget-service for permission before any Salesforce call, and reports what was spent. When
 * budget-service cannot be reached, nothing is granted: callers wait rather than spend blind.
 *
 * <p>With {@link LeaseHolding} on, an org in BLUE mode is asked for a few calls more than needed
 * and the lease is held for a moment: the next calls are carved from it here, without two round
 * trips each to budget-service (a lease check is local, a refresh is one request). Near the cap
 * (any other mode) every call is asked for and reported on its own, as without holding, so the
 * golden cloud and the cap see each call as it happens. Held calls count as spent at budget-service
 * until reported, so holding never lets an org past its cap; it only keeps a few calls from other
 * services for at most the hold time.
 */
public class BudgetClient implements AutoCloseable {

  private final RestClient http;
  private final LeaseHolding holding;
  private final Clock clock;
  // One held lease per org and purpose, and every held lease by id until it is reported.
  private final Map<String, HeldLease> held = new ConcurrentHashMap<>();
  private final Map<String, HeldLease> byLeaseId = new ConcurrentHashMap<>();
  // Orgs whose last answer was BLUE: only they are asked for more than needed.
  private final Set<String> blue = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sweeper;

  /** A client that asks for each allowance and reports it on its own. */
  public BudgetClient(URI budgetServiceUrl, String serviceToken, Duration timeout) {
    this(budgetServiceUrl, serviceToken, timeout, LeaseHolding.none(), Clock.systemUTC());
  }

  public BudgetClient(
      URI budgetServiceUrl,
      String serviceToken,
      Duration timeout,
      LeaseHolding holding,
      Clock clock) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(timeout);
    requests.setReadTimeout(timeout);
    this.http =
        RestClient.builder()
            .baseUrl(budgetServiceUrl.toString())
            .requestFactory(requests)
            .defaultHeader("Authorization", "Bearer " + serviceToken)
            .build();
    this.holding = holding;
    this.clock = clock;
    if (holding.enabled()) {
      sweeper =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "budget-lease-sweeper");
                thread.setDaemon(true);
                return thread;
              });
      long every = Math.max(1, holding.holdFor().toMillis());
      sweeper.scheduleWithFixedDelay(this::reportIdle, every, every, TimeUnit.MILLISECONDS);
    } else {
      sweeper = null;
    }
  }

  /**
   * How long a BLUE lease is held and how many calls it is asked for: {@code prefetch} 0 turns
   * holding off.
   */
  public record LeaseHolding(long prefetch, Duration holdFor) {

    public LeaseHolding {
      if (prefetch < 0 || holdFor == null || holdFor.isNegative()) {
        throw new IllegalArgumentException("prefetch >= 0 and a non-negative hold time");
      }
    }

    public static LeaseHolding none() {
      return new LeaseHolding(0, Duration.ZERO);
    }

    boolean enabled() {
      return prefetch > 0 && !holdFor.isZero();
    }
  }

  /** Purposes budget-service weighs differently near the cap. */
  public enum Purpose {
    CHECK,
    CREATE
  }

  /**
   * An allowance of up to {@code calls}; zero granted when the org is at its cap or unreachable.
   */
  public Allowance request(String orgId, long calls, Purpose purpose) {
    if (!holding.enabled()) {
      return ask(orgId, calls, purpose);
    }
    String key = orgId + '\n' + purpose;
    Instant now = clock.instant();
    HeldLease current = held.get(key);
    if (current != null) {
      boolean due;
      synchronized (current) {
        Optional<Allowance> carved = current.carve(calls, now);
        if (carved.isPresent()) {
          return carved.get();
        }
        due = current.retire();
      }
      held.remove(key, current);
      if (due) {
        reportHeld(orgId, current);
      }
    }
    Allowance fresh =
        ask(orgId, blue.contains(orgId) ? Math.max(calls, holding.prefetch()) : calls, purpose);
    if (fresh.mode() != BudgetMode.BLUE) {
      blue.remove(orgId);
      return fresh;
    }
    blue.add(orgId);
    if (fresh.granted() < calls || fresh.leaseId() == null || fresh.expiresAt() == null) {
      return fresh;
    }
    HeldLease hold = new HeldLease(fresh, now, holding.holdFor());
    Allowance carved = hold.carve(calls, now).orElse(null);
    if (carved == null) {
      return fresh;
    }
    byLeaseId.put(hold.leaseId(), hold);
    HeldLease replaced = held.put(key, hold);
    if (replaced != null) {
      retire(orgId, replaced);
    }
    return carved;
  }

  /** Reports the calls a lease actually spent, returning the rest to the org's budget. */
  public void report(String orgId, Allowance allowance, long used) {
    if (allowance.leaseId() == null || allowance.granted() == 0) {
      return;
    }
    HeldLease hold = byLeaseId.get(allowance.leaseId());
    if (hold == null) {
      reportLease(orgId, allowance.leaseId(), used);
      return;
    }
    boolean due;
    synchronized (hold) {
      due = hold.settle(allowance.granted(), used);
    }
    if (due) {
      reportHeld(orgId, hold);
    }
  }

  /**
   * budget-service says the org is now in {@code mode}: when that is not BLUE, its held leases
   * carve nothing more (they are reported once their open calls are), and its next calls are each
   * asked for.
   */
  public void modeChanged(String orgId, BudgetMode mode) {
    if (mode == BudgetMode.BLUE) {
      return;
    }
    blue.remove(orgId);
    for (Purpose purpose : Purpose.values()) {
      HeldLease hold = held.remove(orgId + '\n' + purpose);
      if (hold != null) {
        retire(orgId, hold);
      }
    }
  }

  /** Reports every held lease: what they spent is known, the rest goes back now. */
  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    held.forEach((key, hold) -> retire(orgOf(key), hold));
    held.clear();
  }

  private void reportIdle() {
    Instant now = clock.instant();
    held.forEach(
        (key, hold) -> {
          boolean idle;
          synchronized (hold) {
            idle = hold.idle(now);
          }
          if (idle && held.remove(key, hold)) {
            retire(orgOf(key), hold);
          }
        });
  }

  private void retire(String orgId, HeldLease hold) {
    boolean due;
    synchronized (hold) {
      due = hold.retire();
    }
    if (due) {
      reportHeld(orgId, hold);
    }
  }

  private void reportHeld(String orgId, HeldLease hold) {
    byLeaseId.remove(hold.leaseId(), hold);
    reportLease(orgId, hold.leaseId(), hold.spent());
  }

  private static String orgOf(String key) {
    return key.substring(0, key.indexOf('\n'));
  }

  private Allowance ask(String orgId, long calls, Purpose purpose) {
    try {
      Allowance allowance =
          http.post()
              .uri("/api/v1/orgs/{orgId}/allowances", orgId)
              .body(Map.of("calls", calls, "purpose", purpose.name()))
              .retrieve()
              .body(Allowance.class);
      return allowance != null ? allowance : Allowance.none();
    } catch (RestClientException e) {
      return Allowance.none();
    }
  }

  private void reportLease(String orgId, String leaseId, long used) {
    try {
      http.post()
          .uri("/api/v1/orgs/{orgId}/allowances/{leaseId}/usage", orgId, leaseId)
          .body(Map.of("used", used))
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientException e) {
      // Unreported, the lease counts as fully spent until it expires: safe, only less efficient.
    }
  }
}
