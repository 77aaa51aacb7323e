package io.leadgate.bench.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, once a second while a workload runs, every process of the stack: resident memory
 * (VmRSS), CPU time (utime + stime from /proc), the services' heap in use (their Prometheus
 * endpoint, jvm_memory_used_bytes with area="heap") and the lag of dedup's and writer's consumer
 * groups. What it keeps per workload: peaks, and CPU seconds spent.
 */
final class ProcessSampler implements AutoCloseable {

  /** A process of the stack; {@code port} is its actuator port, 0 when it has none. */
  record Proc(String name, long pid, int port) {}

  /** Per process: peak RSS and heap (MiB), CPU seconds used in the window. */
  record ProcStats(String name, double peakRssMib, double peakHeapMib, double cpuSeconds) {}

  /** What one window saw. */
  record Window(double seconds, List<ProcStats> processes, Map<String, Long> peakLag) {}

  // USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux this runs on.
  private static final double TICKS_PER_SECOND = 100.0;

  /** The heap is read on one sample in this many (see {@link #sample}). */
  private static final int HEAP_EVERY = 5;

  private final List<Proc> processes;
  private final Admin admin;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  // Report label -> the consumer group and its topic. A @KafkaListener's id is its group id
  // (Spring Kafka's idIsGroup), so the groups are the listener ids, not spring.kafka's group-id.
  private final Map<String, Map.Entry<String, String>> groupTopics =
      Map.of(
          "dedup-service", Map.entry("dedup-captured", "leads.captured"),
          "writer-service", Map.entry("writer-to-create", "leads.to-create"));

  private Thread thread;
  private volatile boolean running;
  private long startNanos;
  private Map<String, Long> startTicks;
  private long samples;
  private final Map<String, Double> peakRss = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Double> peakHeap = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Long> peakLag = new java.util.concurrent.ConcurrentHashMap<>();

  ProcessSampler(List<Proc> processes, String bootstrap) {
    this.processes = processes;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(props);
  }

  void start() {
    peakRss.clear();
    peakHeap.clear();
    peakLag.clear();
    startTicks = ticks();
    startNanos = System.nanoTime();
    running = true;
    thread = new Thread(this::loop, "process-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  Window stop() throws InterruptedException {
    running = false;
    thread.join();
    sample();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Long> endTicks = ticks();
    List<ProcStats> stats =
        processes.stream()
            .map(
                p ->
                    new ProcStats(
                        p.name(),
                        peakRss.getOrDefault(p.name(), Double.NaN),
                        peakHeap.getOrDefault(p.name(), Double.NaN),
                        (endTicks.getOrDefault(p.name(), 0L)
                                - startTicks.getOrDefault(p.name(), 0L))
                            / TICKS_PER_SECOND))
            .collect(Collectors.toList());
    return new Window(seconds, stats, new LinkedHashMap<>(peakLag));
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    // A Prometheus scrape costs a service 10-25 ms of CPU (its whole registry is written out): one
    // in five samples reads the heap, so the sampler takes ~1% of a core from the stack, not ~7%.
    boolean heap = samples++ % HEAP_EVERY == 0;
    for (Proc p : processes) {
      rssMib(p.pid()).ifPresent(v -> peakRss.merge(p.name(), v, Math::max));
      if (heap && p.port() > 0) {
        heapMib(p.port()).ifPresent(v -> peakHeap.merge(p.name(), v, Math::max));
      }
    }
    groupTopics.keySet().forEach(g -> lag(g).ifPresent(v -> peakLag.merge(g, v, Math::max)));
  }

  private static java.util.Optional<Double> rssMib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process is gone; nothing to sample.
    }
    return java.util.Optional.empty();
  }

  private Map<String, Long> ticks() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    for (Proc p : processes) {
      try {
        String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
        // Fields after the command name (which may hold spaces) start after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.put(p.name(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
      } catch (IOException | RuntimeException e) {
        // The process is gone.
      }
    }
    return ticks;
  }

  private java.util.Optional<Double> heapMib(int port) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double bytes = 0;
      boolean found = false;
      for (String line : response.body().split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          bytes += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          found = true;
        }
      }
      return found ? java.util.Optional.of(bytes / 1024 / 1024) : java.util.Optional.empty();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  private java.util.Optional<Long> lag(String label) {
    try {
      String group = groupTopics.get(label).getKey();
      String topic = groupTopics.get(label).getValue();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest =
          committed.keySet().stream()
              .filter(tp -> tp.topic().equals(topic))
              .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      if (latest.isEmpty()) {
        return java.util.Optional.empty();
      }
      var ends = admin.listOffsets(latest).all().get();
      long lag = 0;
      for (var entry : ends.entrySet()) {
        OffsetAndMetadata done = committed.get(entry.getKey());
        lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return java.util.Optional.of(lag);
    } catch (ExecutionException | RuntimeException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
