package io.leadgate.bench;

import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Allowance decisions per second and latency against a running budget-service over loopback: each
 * request asks for a lease of a few calls for one of many orgs, as dedup and writer do. Side by
 * side in the same run: the actuator health endpoint of the same service, as the ceiling of its
 * HTTP stack.
 *
 * <p>Usage: scripts/bench-budget.sh (starts Kafka and budget-service, then runs this).
 */
public final class BudgetAllowanceLoad {

  private BudgetAllowanceLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:18082";
    String token = args.length > 1 ? args[1] : "bench-service-token";
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 15);
    int orgs = 50;

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
    System.out.printf(
        "budget-service over loopback, %d threads, %ds each%n", threads, duration.toSeconds());
    System.out.println(ceiling.line());
    System.out.println(grants.line());
    System.out.printf(
        "allowances at %.0f%% of the HTTP ceiling%n",
        100 * grants.perSecond() / ceiling.perSecond());
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
