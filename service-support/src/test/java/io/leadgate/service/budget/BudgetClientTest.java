package io.leadgate.service.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.service.budget.BudgetClient.LeaseHolding;
import io.leadgate.service.budget.BudgetClient.Purpose;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a small stand-in for budget-service's allowance endpoints, over HTTP. */
class BudgetClientTest {

  private static final String ORG = "00D000000000001EAA";
  private static final Pattern CALLS = Pattern.compile("\"calls\":(\\d+)");
  private static final Pattern USED = Pattern.compile("\"used\":(\\d+)");

  /** What the stand-in answers and what it was asked. */
  private volatile String mode = "BLUE";

  private final List<Long> asked = new CopyOnWriteArrayList<>();
  private final Map<String, Long> reported = new ConcurrentHashMap<>();
  private final AtomicInteger leases = new AtomicInteger();
  private HttpServer server;
  private BudgetClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/orgs/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/allowances")) {
      long calls = number(CALLS, body);
      asked.add(calls);
      String answer =
          "{\"granted\":%d,\"leaseId\":\"lease-%d\",\"expiresAt\":\"%s\",\"mode\":\"%s\"}"
              .formatted(calls, leases.incrementAndGet(), Instant.now().plusSeconds(30), mode);
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    } else {
      String leaseId = path.replaceAll(".*/allowances/([^/]+)/usage", "$1");
      reported.merge(leaseId, number(USED, body), Long::sum);
      exchange.sendResponseHeaders(204, -1);
    }
    exchange.close();
  }

  private static long number(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private BudgetClient client(LeaseHolding holding) {
    client =
        new BudgetClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            "token",
            Duration.ofSeconds(5),
            holding,
            Clock.systemUTC());
    return client;
  }

  @Test
  void inBlueTheNextCallsAreCarvedFromOneHeldLeaseAndItIsReportedOnceIdle() {
    BudgetClient budget = client(new LeaseHolding(10, Duration.ofMillis(300)));

    // The first answer shows the org BLUE; from then on it is asked for the prefetch.
    Allowance first = budget.request(ORG, 1, Purpose.CHECK);
    budget.report(ORG, first, 1);
    for (int i = 0; i < 10; i++) {
      Allowance carved = budget.request(ORG, 1, Purpose.CHECK);
      assertThat(carved.granted()).isEqualTo(1);
      budget.report(ORG, carved, 1);
    }

    // 1 exact ask, then 1 lease of 10 for the next 10 calls.
    assertThat(asked).containsExactly(1L, 10L);
    assertThat(reported).containsEntry("lease-1", 1L);
    await().atMost(Duration.ofSeconds(5)).until(() -> reported.containsKey("lease-2"));
    assertThat(reported).containsEntry("lease-2", 10L);
  }

  @Test
  void nearTheCapEveryCallIsAskedForAndReportedOnItsOwn() {
    mode = "GOLDEN";
    BudgetClient budget = client(new LeaseHolding(10, Duration.ofSeconds(10)));

    for (int i = 0; i < 3; i++) {
      Allowance allowance = budget.request(ORG, 2, Purpose.CREATE);
      assertThat(allowance.mode()).isEqualTo(BudgetMode.GOLDEN);
      budget.report(ORG, allowance, 1);
    }

    assertThat(asked).containsExactly(2L, 2L, 2L);
    assertThat(reported)
        .containsExactlyInAnyOrderEntriesOf(Map.of("lease-1", 1L, "lease-2", 1L, "lease-3", 1L));
  }

  @Test
  void aLeaseTooSmallForTheNextCallIsRetiredAndReportedWithWhatItsCallsSpent() {
    BudgetClient budget = client(new LeaseHolding(3, Duration.ofSeconds(10)));
    budget.report(ORG, budget.request(ORG, 1, Purpose.CHECK), 1); // learns BLUE

    Allowance a = budget.request(ORG, 2, Purpose.CHECK); // lease-2: 3 calls, 2 carved
    budget.report(ORG, a, 2);
    Allowance b = budget.request(ORG, 2, Purpose.CHECK); // 1 left: lease-3

    assertThat(b.leaseId()).isEqualTo("lease-3");
    assertThat(reported).containsEntry("lease-2", 2L);
    budget.report(ORG, b, 0);
    budget.close();
    assertThat(reported).containsEntry("lease-3", 0L);
  }

  @Test
  void whenBudgetServiceSaysTheOrgLeftBlueItsHeldLeaseAnswersNoMore() {
    BudgetClient budget = client(new LeaseHolding(10, Duration.ofSeconds(10)));
    budget.report(ORG, budget.request(ORG, 1, Purpose.CHECK), 1); // learns BLUE
    Allowance held = budget.request(ORG, 1, Purpose.CHECK); // lease-2, 10 calls, held

    mode = "GOLDEN";
    budget.modeChanged(ORG, BudgetMode.GOLDEN);
    Allowance next = budget.request(ORG, 1, Purpose.CHECK);

    assertThat(next.mode()).isEqualTo(BudgetMode.GOLDEN);
    assertThat(asked).containsExactly(1L, 10L, 1L);
    // The held lease is reported once its open call is settled.
    assertThat(reported).doesNotContainKey("lease-2");
    budget.report(ORG, held, 1);
    assertThat(reported).containsEntry("lease-2", 1L);
  }

  @Test
  void withoutHoldingEachCallHasItsOwnLease() {
    BudgetClient budget = client(LeaseHolding.none());

    for (int i = 0; i < 3; i++) {
      budget.report(ORG, budget.request(ORG, 1, Purpose.CHECK), 1);
    }

    assertThat(asked).containsExactly(1L, 1L, 1L);
    assertThat(reported).hasSize(3);
  }
}
