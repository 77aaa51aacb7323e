package io.leadgate.bench.system;

import io.leadgate.bench.KeepAliveConnection;
import io.leadgate.bench.system.Workload.Planned;
import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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

  /** Connections for single POSTs: enough that none waits for a free one at 500/s. */
  private static final int SENDERS = 64;

  private static final int REQUEST_TIMEOUT_MILLIS = 30_000;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;
  private final String host;
  private final int port;
  private final List<String> apiKeys;
  private final Map<Integer, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
  private final AtomicInteger retries = new AtomicInteger();

  CaptureSender(String baseUrl, List<String> apiKeys) {
    this.baseUrl = baseUrl;
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.apiKeys = apiKeys;
  }

  /**
   * Single POSTs at {@code perSecond}, open loop: each capture is queued at its planned instant and
   * sent by the first of {@link #SENDERS} threads that is free, each on its own keep-alive
   * connection, as browser extensions each keep theirs. Every capture carries its own captureId, as
   * the extension's do, so a request sent again after a dropped connection is not a second capture.
   */
  List<Sent> openLoop(List<Planned> plan, double perSecond) throws InterruptedException {
    long period = (long) (1e9 / perSecond);
    long start = System.nanoTime() + 50_000_000L;
    Sent[] sent = new Sent[plan.size()];
    LinkedBlockingQueue<Integer> due = new LinkedBlockingQueue<>();
    CountDownLatch answered = new CountDownLatch(plan.size());
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < SENDERS; t++) {
      Thread sender =
          new Thread(() -> sendSingles(plan, start, period, due, sent, answered), "open-loop-" + t);
      sender.setDaemon(true);
      sender.start();
      senders.add(sender);
    }
    for (int i = 0; i < plan.size(); i++) {
      long wait;
      while ((wait = start + i * period - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      due.add(i);
    }
    if (!answered.await(60 + REQUEST_TIMEOUT_MILLIS / 1000, TimeUnit.SECONDS)) {
      throw new IllegalStateException("captures got no answer within the request timeout");
    }
    senders.forEach(Thread::interrupt);
    return List.of(sent);
  }

  private void sendSingles(
      List<Planned> plan,
      long start,
      long period,
      LinkedBlockingQueue<Integer> due,
      Sent[] sent,
      CountDownLatch answered) {
    KeepAliveConnection connection = null;
    while (true) {
      int i;
      try {
        i = due.take();
      } catch (InterruptedException e) {
        closeQuietly(connection);
        return;
      }
      Planned planned = plan.get(i);
      String captureId = UUID.randomUUID().toString();
      Map<String, Object> fields = planned.person().captureFields(planned.capturedBy());
      fields.put("captureId", captureId);
      byte[] request =
          KeepAliveConnection.jsonRequest(
              "POST",
              host,
              "/api/v1/leads",
              "Bearer " + apiKeys.get(planned.org()),
              json.writeValueAsBytes(fields));
      int status;
      try {
        if (connection == null) {
          connection = new KeepAliveConnection(host, port, REQUEST_TIMEOUT_MILLIS);
        }
        status = connection.exchange(request).status();
      } catch (IOException e) {
        status = -1;
        closeQuietly(connection);
        connection = null;
      }
      count(status);
      sent[i] = new Sent(planned, status == 202 ? captureId : null, start + i * period, status);
      answered.countDown();
    }
  }

  private static void closeQuietly(KeepAliveConnection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (IOException ignored) {
        // Closing a connection that failed: nothing more to learn from it.
      }
    }
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
    // Each with its own captureId, as the extension sends them: a list sent again is not new.
    for (Planned planned : chunk) {
      Map<String, Object> fields = planned.person().captureFields(planned.capturedBy());
      fields.put("captureId", UUID.randomUUID().toString());
      captures.add(fields);
    }
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
