package io.leadgate.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allowance decisions per second and their latency against a running budget-service over loopback,
 * with callers that behave as dedup and writer do (service-support's {@code BudgetClient}): each
 * takes a lease of {@value #CALLS} calls for one of many orgs, spends it, and reports the calls it
 * used ({@code POST …/allowances/{leaseId}/usage}) right after, on the same connection. The
 * decision (the allowance request) is the figure; report calls are counted and timed apart.
 *
 * <p>Side by side in one run: the liveness probe (the ceiling of the service's HTTP stack), single
 * allowances over the given connections and over 4, each lease reported on its own as {@code
 * BudgetClient} does; batches of {@value #BATCH} and {@value #LARGE_BATCH} (each request its own
 * decision and lease) whose leases are reported together in one call ({@code POST
 * …/allowances/usage}); and last, clearly apart, the old setup in which no lease is ever reported
 * (each then counts, and stays in the ledger, for its full 30 s). The rows and their order can be
 * chosen (6th argument, e.g. {@code single,never}).
 *
 * <p>The client is a plain HTTP/1.1 keep-alive socket per thread, closed loop (the next request
 * leaves when the previous answer arrived): {@code java.net.http.HttpClient} costs several times
 * the service's own CPU per request, and the two share this machine's cores.
 *
 * <p>Usage: scripts/bench-budget.sh (starts Kafka and budget-service, then runs this).
 */
public final class BudgetAllowanceLoad {

  /** Rows are stamped in wall time, to be matched with flight recordings and GC logs. */
  private static final Clock WALL_CLOCK = Clock.systemUTC();

  private static final int CALLS = 2;
  private static final int BATCH = 10;
  private static final int LARGE_BATCH = 100;
  private static final String ONE = "{\"calls\":" + CALLS + ",\"purpose\":\"CHECK\"}";

  private BudgetAllowanceLoad() {}

  /** What one thread does per round: the decision request, then the reports it leads to. */
  private enum Kind {
    LIVENESS,
    SINGLE,
    BATCH,
    LARGE_BATCH,
    NEVER_REPORTED
  }

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:18082");
    String token = args.length > 1 ? args[1] : "bench-service-token";
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Duration duration = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 15);
    int orgs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    Target target = new Target(url.getHost(), url.getPort(), token, orgs);

    System.out.printf(
        "budget-service over loopback, %ds each, %d orgs, leases of %d calls; decision latency"
            + " = the allowance request (batch: per HTTP call); reports timed apart%n",
        duration.toSeconds(), orgs, CALLS);
    System.out.println(
        "| client (closed loop)                         | conns | decisions/s | granted | p50 ms"
            + " | p99 ms | p99.9 ms | report calls/s | report p50 | report p99 | failed |");
    System.out.println(
        "|----------------------------------------------|-------|-------------|---------|--------"
            + "|--------|----------|----------------|------------|------------|--------|");
    // Every path compiled by the JIT before the first figure: on 2 busy cores, 8 s of warm-up
    // left the first row measured at a third of the rate of the same row run again later.
    run(target, Kind.SINGLE, "warm-up (not a figure)", threads, Duration.ofSeconds(15));
    run(target, Kind.BATCH, "warm-up (not a figure)", 4, Duration.ofSeconds(5));
    run(target, Kind.LARGE_BATCH, "warm-up (not a figure)", 4, Duration.ofSeconds(5));
    int fewer = Math.max(2, threads / 4);
    String rows = args.length > 5 ? args[5] : "liveness,single,single4,batch,large,never";
    for (String row : rows.split(",")) {
      switch (row) {
        case "liveness" -> run(target, Kind.LIVENESS, "liveness (ceiling)", threads, duration);
        case "single" -> run(target, Kind.SINGLE, "allowances + reports", threads, duration);
        case "single4" -> run(target, Kind.SINGLE, "allowances + reports", 4, duration);
        case "batch" ->
            run(target, Kind.BATCH, "batch x" + BATCH + " + batch report", fewer, duration);
        case "large" ->
            run(
                target,
                Kind.LARGE_BATCH,
                "batch x" + LARGE_BATCH + " + batch report",
                fewer,
                duration);
        // Last by default: its leases stay in the ledger for their 30 s and weigh on later rows.
        case "never" ->
            run(
                target,
                Kind.NEVER_REPORTED,
                "allowances, NEVER reported (old setup)",
                threads,
                duration);
        case "never4" ->
            run(target, Kind.NEVER_REPORTED, "allowances, NEVER reported (old setup)", 4, duration);
        default -> throw new IllegalArgumentException("Unknown row " + row);
      }
    }
  }

  /** Where to send, and the request bytes that do not change between requests. */
  private static final class Target {
    final String host;
    final int port;
    final String token;
    final int orgs;
    final byte[] liveness;
    final byte[][] single;
    final byte[][] batch;
    final byte[][] largeBatch;

    Target(String host, int port, String token, int orgs) {
      this.host = host;
      this.port = port;
      this.token = token;
      this.orgs = orgs;
      this.liveness =
          ("GET /actuator/health/liveness HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      this.single = new byte[orgs][];
      this.batch = new byte[orgs][];
      this.largeBatch = new byte[orgs][];
      for (int n = 0; n < orgs; n++) {
        single[n] = post(org(n) + "/allowances", ONE);
        batch[n] = post(org(n) + "/allowances/batch", batchBody(BATCH));
        largeBatch[n] = post(org(n) + "/allowances/batch", batchBody(LARGE_BATCH));
      }
    }

    static String org(int n) {
      return "/api/v1/orgs/" + String.format("00D%012dBEN", n);
    }

    static String batchBody(int size) {
      String[] ones = new String[size];
      Arrays.fill(ones, ONE);
      return "{\"requests\":[" + String.join(",", ones) + "]}";
    }

    byte[] report(int orgIndex, String leaseId, long used) {
      return post(org(orgIndex) + "/allowances/" + leaseId + "/usage", "{\"used\":" + used + "}");
    }

    byte[] post(String path, String body) {
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      byte[] head =
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + content.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] request = Arrays.copyOf(head, head.length + content.length);
      System.arraycopy(content, 0, request, head.length, content.length);
      return request;
    }
  }

  /** Latencies of one thread, kept in full for exact percentiles. */
  private static final class Latencies {
    long[] nanos = new long[1 << 16];
    int count;

    void add(long value) {
      if (count == nanos.length) {
        nanos = Arrays.copyOf(nanos, count * 2);
      }
      nanos[count++] = value;
    }

    static long[] merged(List<Latencies> all) {
      long[] merged = new long[all.stream().mapToInt(l -> l.count).sum()];
      int at = 0;
      for (Latencies l : all) {
        System.arraycopy(l.nanos, 0, merged, at, l.count);
        at += l.count;
      }
      Arrays.sort(merged);
      return merged;
    }
  }

  private record Result(
      String name,
      Kind kind,
      int connections,
      double seconds,
      long decisions,
      long granted,
      long[] decisionNanos,
      long reports,
      long[] reportNanos,
      long failed) {

    String row() {
      boolean allowance = kind != Kind.LIVENESS;
      return String.format(
          "| %-44s | %5d | %11s | %6s%% | %6.2f | %6.2f | %8.2f | %14s | %10s | %10s | %6d |",
          name,
          connections,
          allowance ? String.format("%.0f", decisions / seconds) : "-",
          allowance && decisions > 0 ? String.format("%.0f", 100.0 * granted / decisions) : "-",
          millis(decisionNanos, 50),
          millis(decisionNanos, 99),
          millis(decisionNanos, 99.9),
          reports > 0 ? String.format("%.0f", reports / seconds) : "-",
          reports > 0 ? String.format("%.2f", millis(reportNanos, 50)) : "-",
          reports > 0 ? String.format("%.2f", millis(reportNanos, 99)) : "-",
          failed);
    }

    private static double millis(long[] sorted, double percentile) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }
  }

  private static Result run(Target target, Kind kind, String name, int threads, Duration duration)
      throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    List<Latencies> decisionLatencies = new ArrayList<>();
    List<Latencies> reportLatencies = new ArrayList<>();
    AtomicLong decisions = new AtomicLong();
    AtomicLong granted = new AtomicLong();
    AtomicLong reports = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    long started = System.nanoTime();
    long startedAtMillis = WALL_CLOCK.millis();
    for (int t = 0; t < threads; t++) {
      Latencies decisionsOfThread = new Latencies();
      Latencies reportsOfThread = new Latencies();
      decisionLatencies.add(decisionsOfThread);
      reportLatencies.add(reportsOfThread);
      int first = t;
      Thread worker =
          new Thread(
              () -> {
                try (KeepAliveConnection connection =
                    new KeepAliveConnection(target.host, target.port, 30_000)) {
                  int sequence = first;
                  long myDecisions = 0;
                  long myGranted = 0;
                  long myReports = 0;
                  while (System.nanoTime() < deadline) {
                    int org = sequence++ % target.orgs;
                    byte[] request =
                        switch (kind) {
                          case LIVENESS -> target.liveness;
                          case SINGLE, NEVER_REPORTED -> target.single[org];
                          case BATCH -> target.batch[org];
                          case LARGE_BATCH -> target.largeBatch[org];
                        };
                    long start = System.nanoTime();
                    String body = expect(connection, request, 200);
                    if (body == null) {
                      failed.incrementAndGet();
                      continue;
                    }
                    decisionsOfThread.add(System.nanoTime() - start);
                    if (kind == Kind.LIVENESS) {
                      continue;
                    }
                    // Spend the leases (no Salesforce here), then report them: one by one as
                    // BudgetClient does for single allowances, in one call for a batch.
                    StringBuilder batchReport = null;
                    for (int at = body.indexOf("\"granted\":");
                        at >= 0;
                        at = body.indexOf("\"granted\":", at + 1)) {
                      myDecisions++;
                      long calls = number(body, at + "\"granted\":".length());
                      if (calls == 0) {
                        continue;
                      }
                      myGranted++;
                      if (kind == Kind.NEVER_REPORTED) {
                        continue;
                      }
                      String leaseId = leaseId(body, at);
                      if (kind == Kind.BATCH || kind == Kind.LARGE_BATCH) {
                        batchReport =
                            (batchReport == null
                                    ? new StringBuilder("{\"reports\":[")
                                    : batchReport.append(','))
                                .append("{\"leaseId\":\"")
                                .append(leaseId)
                                .append("\",\"used\":")
                                .append(calls)
                                .append('}');
                        continue;
                      }
                      long reportStart = System.nanoTime();
                      if (expect(connection, target.report(org, leaseId, calls), 204) == null) {
                        failed.incrementAndGet();
                        continue;
                      }
                      reportsOfThread.add(System.nanoTime() - reportStart);
                      myReports++;
                    }
                    if (batchReport != null) {
                      byte[] reportAll =
                          target.post(
                              Target.org(org) + "/allowances/usage",
                              batchReport.append("]}").toString());
                      long reportStart = System.nanoTime();
                      if (expect(connection, reportAll, 204) == null) {
                        failed.incrementAndGet();
                        continue;
                      }
                      reportsOfThread.add(System.nanoTime() - reportStart);
                      myReports++;
                    }
                  }
                  decisions.addAndGet(myDecisions);
                  granted.addAndGet(myGranted);
                  reports.addAndGet(myReports);
                } catch (IOException | RuntimeException e) {
                  failed.incrementAndGet();
                  System.err.println(name + ": " + e);
                } finally {
                  done.countDown();
                }
              },
              name + "-" + t);
      worker.start();
    }
    done.await();
    double seconds = (System.nanoTime() - started) / 1e9;
    Result result =
        new Result(
            name,
            kind,
            threads,
            seconds,
            decisions.get(),
            granted.get(),
            Latencies.merged(decisionLatencies),
            reports.get(),
            Latencies.merged(reportLatencies),
            failed.get());
    System.out.println(result.row());
    // For matching a flight recording's samples to the row (allocation per request, say).
    System.err.printf(
        "row %s, %d conns: %d..%d ms since the epoch, %d HTTP calls%n",
        name,
        threads,
        startedAtMillis,
        WALL_CLOCK.millis(),
        result.decisionNanos().length + result.reports());
    return result;
  }

  private static long number(String body, int from) {
    long value = 0;
    for (int i = from; i < body.length() && Character.isDigit(body.charAt(i)); i++) {
      value = value * 10 + (body.charAt(i) - '0');
    }
    return value;
  }

  /** The leaseId of the grant whose "granted" field is at {@code grantedAt}. */
  private static String leaseId(String body, int grantedAt) {
    int key = body.indexOf("\"leaseId\":\"", grantedAt);
    int start = key + "\"leaseId\":\"".length();
    return body.substring(start, body.indexOf('"', start));
  }

  private static final AtomicInteger FAILURES_SHOWN = new AtomicInteger();

  /** The body of the answer, or null if its status was not the one expected. */
  private static String expect(KeepAliveConnection connection, byte[] request, int status)
      throws IOException {
    KeepAliveConnection.Response response = connection.exchange(request);
    if (response.status() != status) {
      if (FAILURES_SHOWN.getAndIncrement() < 3) {
        System.err.println("HTTP " + response.status() + ": " + response.body());
      }
      return null;
    }
    return response.body();
  }
}
