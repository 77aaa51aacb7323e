package io.leadgate.bench;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Allowance decisions per second and latency against a running budget-service over loopback: each
 * request asks for a lease of a few calls for one of many orgs, as dedup and writer do. Side by
 * side in the same run: the actuator health endpoint of the same service, as the ceiling of its
 * HTTP stack. Then the batch form: {@value #BATCH} lease requests per HTTP call, each still its own
 * decision with its own lease, so decisions per second are requests per second times {@value
 * #BATCH}; and batches of {@value #LARGE_BATCH} over a quarter of the threads, as a caller with
 * many batches ready would send them over a few connections.
 *
 * <p>Usage: scripts/bench-budget.sh (starts Kafka and budget-service, then runs this).
 */
public final class BudgetAllowanceLoad {

  private static final int BATCH = 10;
  private static final int LARGE_BATCH = 100;

  private BudgetAllowanceLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:18082";
    String token = args.length > 1 ? args[1] : "bench-service-token";
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 15);
    // With few orgs and no usage readings (none here), every lease stays outstanding in its org's
    // ledger, so each decision walks thousands of them; production readings settle leases within
    // seconds. Many orgs keep the lists as short as production's.
    int orgs = args.length > 4 ? Integer.parseInt(args[4]) : 50;

    HttpLoad.run(
        "warm-up", threads, Duration.ofSeconds(5), n -> allowance(url, token, n, orgs), 200);
    HttpLoad.Result ceiling =
        HttpLoad.run(
            "GET /actuator/health/liveness",
            threads,
            duration,
            n -> HttpLoad.to(url + "/actuator/health/liveness").GET().build(),
            200);
    HttpLoad.Result grants =
        HttpLoad.run(
            "POST allowances (leases)",
            threads,
            duration,
            n -> allowance(url, token, n, orgs),
            200);
    HttpLoad.Result batches =
        HttpLoad.run(
            "POST allowances/batch (x" + BATCH + ")",
            threads,
            duration,
            n -> batch(url, token, n, orgs, BATCH),
            200);
    int fewer = Math.max(2, threads / 4);
    HttpLoad.Result large =
        HttpLoad.run(
            "POST allowances/batch (x" + LARGE_BATCH + ", " + fewer + " threads)",
            fewer,
            duration,
            n -> batch(url, token, n, orgs, LARGE_BATCH),
            200);
    System.out.printf(
        "budget-service over loopback, %d threads, %ds each, %d orgs%n",
        threads, duration.toSeconds(), orgs);
    System.out.println(ceiling.line());
    System.out.println(grants.line());
    System.out.println(batches.line());
    System.out.println(large.line());
    System.out.printf(
        "allowances at %.0f%% of the HTTP ceiling; decisions/s: single %.0f, batched x%d %.0f"
            + " (%.1fx), batched x%d %.0f (%.1fx)%n",
        100 * grants.perSecond() / ceiling.perSecond(),
        grants.perSecond(),
        BATCH,
        batches.perSecond() * BATCH,
        batches.perSecond() * BATCH / grants.perSecond(),
        LARGE_BATCH,
        large.perSecond() * LARGE_BATCH,
        large.perSecond() * LARGE_BATCH / grants.perSecond());
    // Whether the decisions granted leases (usage readings settle them) or found the cap reached.
    String budget =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpLoad.to(url + "/api/v1/orgs/" + String.format("00D%012dBEN", 0) + "/budget")
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    System.out.println("one org's budget after the run: " + budget);
  }

  private static HttpRequest batch(String url, String token, int n, int orgs, int size) {
    String org = String.format("00D%012dBEN", n % orgs);
    String one = "{\"calls\":2,\"purpose\":\"CHECK\"}";
    String body =
        "{\"requests\":[" + String.join(",", java.util.Collections.nCopies(size, one)) + "]}";
    return HttpLoad.to(url + "/api/v1/orgs/" + org + "/allowances/batch")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpRequest allowance(String url, String token, int n, int orgs) {
    String org = String.format("00D%012dBEN", n % orgs);
    return HttpLoad.to(url + "/api/v1/orgs/" + org + "/allowances")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"calls\":2,\"purpose\":\"CHECK\"}"))
        .build();
  }
}
