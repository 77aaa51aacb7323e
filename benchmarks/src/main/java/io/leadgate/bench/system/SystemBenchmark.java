package io.leadgate.bench.system;

import io.leadgate.bench.system.CaptureSender.Sent;
import io.leadgate.bench.system.Workload.Planned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leadgate end to end, every part in its own process on this machine (scripts/bench-system.sh
 * starts them): trickle, steady and burst workloads across three orgs, each measured for leads/s,
 * capture-to-final-state latency, Salesforce calls per lead against the naive checker, CPU, heap
 * and RSS per process and consumer lag; then Kafka's own perf tools on the same broker. Writes a
 * Markdown report.
 *
 * <pre>
 * SystemBenchmark seed --out var/bench/seed.json [--seeded-per-org 2000] [--seed 42]
 * SystemBenchmark run  [--option value]...   (see {@link Options})
 * </pre>
 */
public final class SystemBenchmark {

  private SystemBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: SystemBenchmark seed|run [--option value]...");
      System.exit(2);
    }
    Options options = Options.parse(args);
    switch (args[0]) {
      case "seed" -> seed(options);
      case "run" -> run(options);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void seed(Options options) throws IOException {
    LeadFactory factory = new LeadFactory(options.seed());
    Map<Integer, List<Person>> seeded =
        Workload.seeded(factory, BenchOrg.ALL.size(), options.seededPerOrg());
    List<Map<String, Object>> orgs = new ArrayList<>();
    for (BenchOrg org : BenchOrg.ALL) {
      orgs.add(
          SeedSpec.org(
              org.orgId15(),
              "Bench Org " + org.number(),
              org.clientId(),
              options.clientSecret(),
              "00500000000B",
              org.number(),
              seeded.get(org.number() - 1)));
    }
    Path out = Path.of(options.get("out", "var/bench/seed.json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    JsonMapper.builder().build().writeValue(out, Map.of("orgs", orgs));
    System.out.printf(
        "seed: %d orgs x %d people -> %s%n", orgs.size(), options.seededPerOrg(), out);
  }

  private static void run(Options options) throws Exception {
    Report.Machine machine = Report.Machine.now(options.get("java-version", ""));
    LeadFactory factory = new LeadFactory(options.seed());
    Map<Integer, List<Person>> seeded =
        Workload.seeded(factory, BenchOrg.ALL.size(), options.seededPerOrg());
    List<Planned> warmupSingles = Workload.plan(factory, seeded, options.integer("warmup", 15_000));
    List<Planned> warmupBatch =
        Workload.plan(factory, seeded, options.integer("warmup-batch", 10_000));
    int trickleRate = options.integer("trickle-rate", 10);
    int steadyRate = options.integer("steady-rate", 500);
    List<Planned> trickle =
        Workload.plan(factory, seeded, trickleRate * options.integer("trickle-seconds", 60));
    List<Planned> steady =
        Workload.plan(factory, seeded, steadyRate * options.integer("steady-seconds", 60));
    List<Planned> burst = Workload.plan(factory, seeded, options.integer("burst", 50_000));
    int batchSize = options.integer("batch-size", 500);
    int concurrency = options.integer("burst-concurrency", 4);

    List<String> keys = new ArrayList<>();
    for (BenchOrg org : BenchOrg.ALL) {
      String key = System.getenv(org.apiKeyVariable());
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(org.apiKeyVariable() + " is not set");
      }
      keys.add(key);
    }
    String bootstrap = options.get("bootstrap", "127.0.0.1:29092");
    String emulatorUrl = options.get("emulator-url", "http://127.0.0.1:8090");
    EmulatorAdmin admin =
        new EmulatorAdmin(emulatorUrl, options.get("emulator-token", "emulator-admin"));
    CaptureSender sender =
        new CaptureSender(options.get("capture-url", "http://127.0.0.1:8081"), keys);
    List<ProcessSampler.Proc> procs = processes(options);
    System.out.println("processes: " + procs);

    List<WorkloadResult> results = new ArrayList<>();
    try (StatusWatcher watcher = new StatusWatcher(bootstrap);
        ProcessSampler sampler = new ProcessSampler(procs, bootstrap)) {
      System.out.printf(
          "warm-up: %d single captures, %d in lists%n", warmupSingles.size(), warmupBatch.size());
      // At the steady rate, long enough (30 s by default) for the services' JIT compilers to
      // finish with the paths the workloads take: on 2 cores shared by seven JVMs a shorter
      // warm-up left C2 compiling through the steady run, taking a fifth of a service's CPU.
      awaitFinals(watcher, sender.openLoop(warmupSingles, steadyRate), options);
      awaitFinals(watcher, sender.burst(warmupBatch, batchSize, concurrency), options);
      sender.takeStatusCounts();
      sender.takeRetries();

      results.add(
          measure(
              "trickle",
              String.format("%d leads/s, single POSTs, open loop", trickleRate),
              trickle,
              watcher,
              sampler,
              sender,
              admin,
              options,
              () -> sender.openLoop(trickle, trickleRate)));
      results.add(
          measure(
              "steady",
              String.format("%d leads/s, single POSTs, open loop", steadyRate),
              steady,
              watcher,
              sampler,
              sender,
              admin,
              options,
              () -> sender.openLoop(steady, steadyRate)));
      results.add(
          measure(
              "burst",
              String.format(
                  "%,d leads, prospect lists of %d (POST /api/v1/leads/batch), %d in flight",
                  burst.size(), batchSize, concurrency),
              burst,
              watcher,
              sampler,
              sender,
              admin,
              options,
              () -> sender.burst(burst, batchSize, concurrency)));

      int naiveSample = options.integer("naive-sample", 5000);
      List<WorkloadResult> withNaive = new ArrayList<>();
      int number = 1;
      for (WorkloadResult result : results) {
        List<Planned> plan =
            switch (result.name()) {
              case "trickle" -> trickle;
              case "steady" -> steady;
              default -> burst;
            };
        List<Planned> sample = plan.subList(0, Math.min(plan.size(), naiveSample));
        System.out.printf("naive checker: %s, first %d captures%n", result.name(), sample.size());
        NaiveRun.Result naive = NaiveRun.run(admin, emulatorUrl, number++, seeded, sample);
        withNaive.add(withNaive(result, naive));
      }
      results = withNaive;

      long capturedRecords = watcher.capturedRecords();
      int recordSize =
          capturedRecords == 0
              ? 600
              : (int) Math.round((double) watcher.capturedBytes() / capturedRecords);
      KafkaCeiling.Result ceiling = null;
      String classpath = options.get("kafka-tools-classpath", "");
      if (!classpath.isEmpty()) {
        System.out.printf(
            "Kafka perf tools: %d records of %d bytes%n",
            options.longValue("kafka-records", 1_000_000), recordSize);
        ceiling =
            KafkaCeiling.measure(
                classpath, bootstrap, options.longValue("kafka-records", 1_000_000), recordSize);
      }
      machine = machine.finished();
      String markdown =
          Report.markdown(machine, options, results, ceiling, factorySummary(options));
      Path report = Path.of(options.get("report", "var/bench/report.md"));
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, markdown);
      System.out.println(markdown);
      String out = options.get("out", "");
      if (!out.isEmpty()) {
        Report.writeInto(Path.of(out), markdown);
        System.out.println("written into " + out);
      }
    }
  }

  private static String factorySummary(Options options) {
    return String.format(
        "%,d seeded people per org (a third Contacts, the rest Leads, owned by 3 users), Datafaker seed %d",
        options.seededPerOrg(), options.seed());
  }

  private interface Send {
    List<Sent> send() throws Exception;
  }

  private static WorkloadResult measure(
      String name,
      String how,
      List<Planned> plan,
      StatusWatcher watcher,
      ProcessSampler sampler,
      CaptureSender sender,
      EmulatorAdmin admin,
      Options options,
      Send send)
      throws Exception {
    System.out.printf("%s: %s%n", name, how);
    EmulatorAdmin.Usage before = usage(admin);
    int deferredBefore = watcher.deferredCaptures();
    sampler.start();
    long sendStart = System.nanoTime();
    List<Sent> sent = send.send();
    double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
    awaitFinals(watcher, sent, options);
    ProcessSampler.Window window = sampler.stop();
    EmulatorAdmin.Usage calls = usage(admin).minus(before);

    List<Long> latencies = new ArrayList<>();
    List<StageLatencies.Capture> stamped = new ArrayList<>();
    // The services stamp their statuses in epoch ms; the driver times with nanoTime.
    long nanosToEpoch = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    Map<String, Integer> states = new TreeMap<>();
    int accepted = 0;
    int unexpected = 0;
    double attributed = 0;
    long firstIntended = Long.MAX_VALUE;
    long lastFinal = Long.MIN_VALUE;
    for (Sent s : sent) {
      firstIntended = Math.min(firstIntended, s.intendedNanos());
      if (s.captureId() == null) {
        continue;
      }
      accepted++;
      StatusWatcher.Final f = watcher.finalOf(s.captureId());
      if (f == null) {
        states.merge("(no final state)", 1, Integer::sum);
        continue;
      }
      states.merge(f.state(), 1, Integer::sum);
      attributed += f.apiCalls();
      latencies.add(f.seenNanos() - s.intendedNanos());
      StatusWatcher.Stamps stamps = watcher.stampsOf(s.captureId());
      stamped.add(
          new StageLatencies.Capture(
              (s.intendedNanos() + nanosToEpoch) / 1_000_000L,
              stamps.receivedMillis(),
              stamps.checkingMillis(),
              f.state(),
              f.writtenAtMillis(),
              (f.seenNanos() + nanosToEpoch) / 1_000_000L));
      lastFinal = Math.max(lastFinal, f.seenNanos());
      if (!f.state().equals(s.planned().kind().expectedState())) {
        unexpected++;
      }
    }
    long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
    WorkloadResult result =
        new WorkloadResult(
            name,
            how,
            plan.size(),
            accepted,
            sender.takeStatusCounts(),
            sender.takeRetries(),
            sendSeconds,
            (lastFinal - firstIntended) / 1e9,
            nanos.length,
            states,
            unexpected,
            watcher.deferredCaptures() - deferredBefore,
            LatencyStats.of(nanos),
            StageLatencies.of(stamped),
            calls,
            attributed,
            null,
            window);
    System.out.printf(
        "  %,d accepted, %.0f leads/s end to end, p50 %.1f ms p99 %.1f ms, %.4f calls/lead, states %s%n",
        accepted,
        result.endToEndPerSecond(),
        result.latency().p50(),
        result.latency().p99(),
        result.callsPerLead(),
        states);
    System.out.printf(
        "  by stage, p50 / p99 ms: accepted %.0f / %.0f, checked %.0f / %.0f, created %.0f / %.0f,"
            + " read %.0f / %.0f%n",
        result.stages().accepted().p50(),
        result.stages().accepted().p99(),
        result.stages().checked().p50(),
        result.stages().checked().p99(),
        result.stages().created().p50(),
        result.stages().created().p99(),
        result.stages().read().p50(),
        result.stages().read().p99());
    return result;
  }

  private static WorkloadResult withNaive(WorkloadResult r, NaiveRun.Result naive) {
    return new WorkloadResult(
        r.name(),
        r.how(),
        r.planned(),
        r.accepted(),
        r.httpStatuses(),
        r.batchRetries(),
        r.sendSeconds(),
        r.endToEndSeconds(),
        r.finals(),
        r.finalStates(),
        r.unexpectedVerdicts(),
        r.deferredCaptures(),
        r.latency(),
        r.stages(),
        r.salesforceCalls(),
        r.attributedCalls(),
        naive,
        r.window());
  }

  /**
   * Waits until every accepted capture reached a final state, nothing moved for {@code
   * stall-seconds}, or {@code drain-seconds} passed since the last send: a backlog that drains
   * slowly but steadily must not keep the run going for ever. What is still missing then is said
   * here and counted in the report as "(no final state)".
   */
  private static void awaitFinals(StatusWatcher watcher, List<Sent> sent, Options options)
      throws InterruptedException {
    long stall = options.integer("stall-seconds", 60) * 1_000_000_000L;
    long drain = options.integer("drain-seconds", 300) * 1_000_000_000L;
    long start = System.nanoTime();
    int last = -1;
    long lastProgress = start;
    while (true) {
      int missing = 0;
      for (Sent s : sent) {
        if (s.captureId() != null && watcher.finalOf(s.captureId()) == null) {
          missing++;
        }
      }
      if (missing == 0) {
        return;
      }
      long now = System.nanoTime();
      if (missing != last) {
        last = missing;
        lastProgress = now;
      } else if (now - lastProgress > stall) {
        System.out.printf(
            "  %d captures without a final state after %d s without progress%n",
            missing, stall / 1_000_000_000L);
        return;
      }
      if (now - start > drain) {
        System.out.printf(
            "  %d captures without a final state at the drain deadline, %d s after the last"
                + " send%n",
            missing, drain / 1_000_000_000L);
        return;
      }
      Thread.sleep(100);
    }
  }

  private static EmulatorAdmin.Usage usage(EmulatorAdmin admin)
      throws IOException, InterruptedException {
    EmulatorAdmin.Usage total = EmulatorAdmin.Usage.none();
    for (BenchOrg org : BenchOrg.ALL) {
      total = total.plus(admin.usage(org.orgId15()));
    }
    return total;
  }

  private static List<ProcessSampler.Proc> processes(Options options) throws IOException {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("kafka-broker", 0);
    ports.put("salesforce-emulator", 0);
    ports.put("capture-service", 8081);
    ports.put("budget-service", 8082);
    ports.put("dedup-service", 8083);
    ports.put("writer-service", 8084);
    List<ProcessSampler.Proc> procs = new ArrayList<>();
    Path pidDir = Path.of(options.get("pid-dir", "var/bench/pids"));
    for (Map.Entry<String, Integer> entry : ports.entrySet()) {
      Path pidFile =
          entry.getKey().equals("kafka-broker")
              ? Path.of(options.get("broker-pid-file", "var/kafka/pid"))
              : pidDir.resolve(entry.getKey() + ".pid");
      if (Files.exists(pidFile)) {
        procs.add(
            new ProcessSampler.Proc(
                entry.getKey(),
                Long.parseLong(Files.readString(pidFile).strip()),
                entry.getValue()));
      }
    }
    procs.add(new ProcessSampler.Proc("load driver", ProcessHandle.current().pid(), 0));
    return procs;
  }
}
