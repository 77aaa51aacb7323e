package io.leadgate.bench.system;

import io.leadgate.bench.system.Workload.Planned;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends captures to capture-service: one by one on an open-loop schedule (each request leaves at
 * its planned instant whether or not earlier answers came back, and latency counts from that
 * instant, so a stall is not hidden by the driver waiting), or as prospect lists through the batch
 * endpoint as fast as they are accepted.
 */
final class CaptureSender {

  /** What one capture got: its id (null when refused), when it was meant to leave, the status. */
  record Sent(Planned planned, String captureId, long intendedNanos, int status) {}

  private static final int MAX_ATTEMPTS = 10;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;
  private final List<String> apiKeys;
  private final Map<Integer, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
  private final AtomicInteger retries = new AtomicInteger();

  CaptureSender(String baseUrl, List<String> apiKeys) {
    this.baseUrl = baseUrl;
    this.apiKeys = apiKeys;
  }

  /** Single POSTs at {@code perSecond}, open loop. */
  List<Sent> openLoop(List<Planned> plan, double perSecond) throws InterruptedException {
    long period = (long) (1e9 / perSecond);
    long start = System.nanoTime() + 50_000_000L;
    List<CompletableFuture<Sent>> futures = new ArrayList<>(plan.size());
    for (int i = 0; i < plan.size(); i++) {
      Planned planned = plan.get(i);
      long intended = start + i * period;
      long wait;
      while ((wait = intended - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      HttpRequest request =
          request(
              "/api/v1/leads", planned.org(), planned.person().captureFields(planned.capturedBy()));
      futures.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
              .handle(
                  (response, failure) -> {
                    int status = failure == null ? response.statusCode() : -1;
                    count(status);
                    String id =
                        status == 202
                            ? json.readTree(response.body()).path("captureId").asString()
                            : null;
                    return new Sent(planned, id, intended, status);
                  }));
    }
    List<Sent> sent = new ArrayList<>(plan.size());
    for (CompletableFuture<Sent> future : futures) {
      try {
        sent.add(future.get(60, TimeUnit.SECONDS));
      } catch (Exception e) {
        throw new IllegalStateException("a capture got no answer within 60 s", e);
      }
    }
    return sent;
  }

  /**
   * Prospect lists of up to {@code batchSize} captures of one team, {@code concurrency} requests in
   * flight, as fast as capture-service accepts them. A list answered 503 or 429 as a whole is sent
   * again (it was not accepted); its latency still counts from the first attempt.
   */
  List<Sent> burst(List<Planned> plan, int batchSize, int concurrency) throws InterruptedException {
    Map<Integer, List<Planned>> byOrg = new LinkedHashMap<>();
    plan.forEach(p -> byOrg.computeIfAbsent(p.org(), k -> new ArrayList<>()).add(p));
    List<List<Planned>> chunks = new ArrayList<>();
    for (List<Planned> captures : byOrg.values()) {
      for (int from = 0; from < captures.size(); from += batchSize) {
        chunks.add(captures.subList(from, Math.min(captures.size(), from + batchSize)));
      }
    }
    // Interleave the teams' lists, as reps of several teams would upload at once.
    chunks.sort(
        (a, b) ->
            Integer.compare(a.get(0).sequence() / batchSize, b.get(0).sequence() / batchSize));
    Deque<List<Planned>> queue = new ArrayDeque<>(chunks);
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>(plan.size()));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread worker =
          new Thread(
              () -> {
                while (true) {
                  List<Planned> chunk;
                  synchronized (queue) {
                    chunk = queue.poll();
                  }
                  if (chunk == null) {
                    return;
                  }
                  sent.addAll(sendBatch(chunk));
                }
              },
              "burst-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return sent;
  }

  private List<Sent> sendBatch(List<Planned> chunk) {
    List<Map<String, Object>> captures = new ArrayList<>(chunk.size());
    chunk.forEach(p -> captures.add(p.person().captureFields(p.capturedBy())));
    HttpRequest request =
        request("/api/v1/leads/batch", chunk.get(0).org(), Map.of("captures", captures));
    long first = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      int status;
      JsonNode body = null;
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        status = response.statusCode();
        if (status == 200) {
          body = json.readTree(response.body());
        }
      } catch (Exception e) {
        status = -1;
      }
      if (body == null
          && (status == 503 || status == 429 || status == -1)
          && attempt < MAX_ATTEMPTS) {
        retries.incrementAndGet();
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        continue;
      }
      List<Sent> sent = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        JsonNode result = body == null ? null : body.path("results").path(i);
        int itemStatus = result == null ? status : result.path("status").asInt();
        count(itemStatus);
        String id = itemStatus == 202 ? result.path("captureId").asString() : null;
        sent.add(new Sent(chunk.get(i), id, first, itemStatus));
      }
      return sent;
    }
  }

  private HttpRequest request(String path, int org, Object body) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + apiKeys.get(org))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
        .build();
  }

  private void count(int status) {
    statusCounts.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
  }

  /** HTTP status (per capture; -1 = no answer) → count, since the last call. */
  Map<Integer, Integer> takeStatusCounts() {
    Map<Integer, Integer> counts = new java.util.TreeMap<>();
    statusCounts.forEach((status, count) -> counts.put(status, count.getAndSet(0)));
    counts.values().removeIf(c -> c == 0);
    return counts;
  }

  int takeRetries() {
    return retries.getAndSet(0);
  }
}
