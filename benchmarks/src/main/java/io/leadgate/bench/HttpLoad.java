package io.leadgate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load driver: each thread sends its next request when the previous answer
 * arrived, for a fixed time, and latencies are kept in full for exact percentiles.
 */
final class HttpLoad {

  record Result(String name, long ok, long failed, double seconds, long[] latencies) {
    double perSecond() {
      return ok / seconds;
    }

    double percentileMillis(int p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1_000_000.0;
    }

    String line() {
      return String.format(
          "%-28s %10.0f/s   p50 %6.2f ms   p99 %6.2f ms   failed %d",
          name, perSecond(), percentileMillis(50), percentileMillis(99), failed);
    }
  }

  private HttpLoad() {}

  /** Runs {@code requests} (one per call, given the thread's sequence number) for a while. */
  static Result run(
      String name,
      int threads,
      Duration duration,
      IntFunction<HttpRequest> requests,
      int expectedStatus)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long deadline = System.nanoTime() + duration.toNanos();
    AtomicLong failed = new AtomicLong();
    long[][] perThread = new long[threads][];
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      perThread[t] = new long[2_000_000 / threads];
      Thread worker =
          new Thread(
              () -> {
                int sequence = thread * 10_000_000;
                try {
                  while (System.nanoTime() < deadline
                      && counts[thread] < perThread[thread].length) {
                    HttpRequest request = requests.apply(sequence++);
                    long start = System.nanoTime();
                    try {
                      HttpResponse<Void> response =
                          http.send(request, HttpResponse.BodyHandlers.discarding());
                      if (response.statusCode() == expectedStatus) {
                        perThread[thread][counts[thread]++] = System.nanoTime() - start;
                      } else {
                        failed.incrementAndGet();
                      }
                    } catch (Exception e) {
                      failed.incrementAndGet();
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              name + "-" + t);
      worker.start();
    }
    done.await();
    double seconds = (System.nanoTime() - started) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(perThread[t], 0, all, at, counts[t]);
      at += counts[t];
    }
    Arrays.sort(all);
    return new Result(name, total, failed.get(), seconds, all);
  }

  static HttpRequest.Builder to(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
  }
}
