package io.leadgate.bench;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the Salesforce emulator from its own process with the real WSC client: every thread has
 * its own PartnerConnection (gzip on, as in production) and sends single-record SOQL queries with a
 * relationship field, as fast as answers come. Prints queries per second and latency percentiles,
 * and checks the emulator counted exactly the calls sent.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks-*-exec.jar --url http://127.0.0.1:18090
 * --threads 8 --seconds 20 --warmup 5}
 */
public final class EmulatorQueryLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EmulatorQueryLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    String url = options.getOrDefault("url", "http://127.0.0.1:18090");
    String orgId = options.getOrDefault("org", "00D00000000DEMOEA4");
    String clientId = options.getOrDefault("client-id", "demo-client");
    String secret = options.getOrDefault("client-secret", "demo-secret");
    String adminToken = options.getOrDefault("admin-token", "emulator-admin");
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));

    HttpClient http = HttpClient.newHttpClient();
    // A benchmark must not be stopped by the org's daily limit.
    send(
        http,
        HttpRequest.newBuilder(URI.create(url + "/admin/orgs/" + orgId + "/limits"))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"dailyApiLimit\":1000000000}"))
            .build());
    String token =
        JSON.readTree(
                send(
                    http,
                    HttpRequest.newBuilder(URI.create(url + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&client_id="
                                    + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                                    + "&client_secret="
                                    + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                        .build()))
            .get("access_token")
            .asString();

    run("warm-up", url, token, threads, warmup);
    long before = callsInWindow(http, url, orgId, adminToken);
    Result result = run("measured", url, token, threads, seconds);
    long counted = callsInWindow(http, url, orgId, adminToken) - before;

    System.out.printf(
        "emulator single-record SOAP query (WSC, gzip, Owner.Name): threads=%d seconds=%d%n",
        threads, seconds);
    System.out.printf("  queries/s   %,.0f%n", result.queries / (double) seconds);
    System.out.printf(
        "  latency ms  p50 %.2f  p95 %.2f  p99 %.2f%n",
        result.percentile(50), result.percentile(95), result.percentile(99));
    System.out.printf("  errors      %d%n", result.errors);
    System.out.printf(
        "  counted     %d calls by the emulator for %d queries sent (%s)%n",
        counted,
        result.queries + result.errors,
        counted == result.queries + result.errors ? "exact" : "MISMATCH");
  }

  private record Result(long queries, long errors, long[] latencies) {
    double percentile(int p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(latencies.length - 1, Math.ceil(p / 100.0 * latencies.length) - 1);
      return latencies[Math.max(0, index)] / 1_000_000.0;
    }
  }

  private static Result run(String phase, String url, String token, int threads, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong errors = new AtomicLong();
    List<long[]> perThread = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      long[] latencies = new long[4_000_000 / threads];
      int[] count = new int[1];
      perThread.add(latencies);
      counts.add(count);
      Thread worker =
          new Thread(
              () -> {
                try {
                  PartnerConnection connection = connect(url, token);
                  while (System.nanoTime() < deadline && count[0] < latencies.length) {
                    long start = System.nanoTime();
                    try {
                      QueryResult result =
                          connection.query(
                              "SELECT Id, Email, Owner.Name FROM Lead"
                                  + " WHERE Email = 'ada@lovelace.example' LIMIT 1");
                      if (result.getSize() != 1) {
                        errors.incrementAndGet();
                        continue;
                      }
                      latencies[count[0]++] = System.nanoTime() - start;
                    } catch (ConnectionException e) {
                      errors.incrementAndGet();
                    }
                  }
                } catch (ConnectionException e) {
                  errors.incrementAndGet();
                } finally {
                  done.countDown();
                }
              },
              phase + "-" + t);
      worker.start();
    }
    done.await();
    long total = counts.stream().mapToLong(c -> c[0]).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(perThread.get(t), 0, all, at, counts.get(t)[0]);
      at += counts.get(t)[0];
    }
    Arrays.sort(all);
    return new Result(total, errors.get(), all);
  }

  private static PartnerConnection connect(String url, String token) throws ConnectionException {
    ConnectorConfig config = new ConnectorConfig();
    config.setSessionId(token);
    config.setServiceEndpoint(url + "/services/Soap/u/65.0");
    config.setConnectionTimeout(5_000);
    config.setReadTimeout(30_000);
    return Connector.newConnection(config);
  }

  private static long callsInWindow(HttpClient http, String url, String orgId, String adminToken)
      throws Exception {
    JsonNode usage =
        JSON.readTree(
            send(
                http,
                HttpRequest.newBuilder(URI.create(url + "/admin/orgs/" + orgId + "/api-usage"))
                    .header("Authorization", "Bearer " + adminToken)
                    .build()));
    return usage.get("callsInWindow").asLong();
  }

  private static String send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
