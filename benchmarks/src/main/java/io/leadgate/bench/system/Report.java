package io.leadgate.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The Markdown the system benchmark writes, and where it goes in docs/benchmarks.md. */
final class Report {

  static final String BEGIN = "<!-- bench-system:begin (written by scripts/bench-system.sh) -->";
  static final String END = "<!-- bench-system:end -->";

  static final double TARGET_BURST_PER_SECOND = 5_000;
  static final double TARGET_STEADY_P99_MS = 250;
  static final double TARGET_BURST_CALLS_PER_LEAD = 0.05;

  /** The machine the run measured, and how busy it was. */
  record Machine(
      int cores,
      double ramGib,
      String java,
      String os,
      String started,
      String loadAtStart,
      String loadAtEnd) {

    static Machine now(String javaVersion) {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          memTotalGib(),
          javaVersion.isBlank()
              ? System.getProperty("java.vm.name")
                  + " "
                  + System.getProperty("java.runtime.version")
              : javaVersion,
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"),
          ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).substring(0, 16),
          loadAverage(),
          "");
    }

    Machine finished() {
      return new Machine(cores, ramGib, java, os, started, loadAtStart, loadAverage());
    }

    private static double memTotalGib() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
          if (line.startsWith("MemTotal:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
          }
        }
      } catch (IOException e) {
        // Not Linux: leave it out.
      }
      return Double.NaN;
    }

    private static String loadAverage() {
      try {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
      } catch (IOException e) {
        return "?";
      }
    }
  }

  private Report() {}

  static String markdown(
      Machine machine,
      Options options,
      List<WorkloadResult> results,
      KafkaCeiling.Result ceiling,
      String data) {
    StringBuilder md = new StringBuilder();
    String mode = options.get("mode", "full");
    md.append("## Measured: ")
        .append(mode)
        .append(" run, ")
        .append(machine.started())
        .append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %.1f GiB RAM, %s, %s; load average %s at the start, %s at the"
                + " end (1, 5, 15 min).%n%n",
            machine.cores(),
            machine.ramGib(),
            machine.java(),
            machine.os(),
            machine.loadAtStart(),
            machine.loadAtEnd()));
    md.append("Command: `scripts/bench-system.sh")
        .append(mode.equals("full") ? "" : " --quick")
        .append("`. Data: 3 orgs, ")
        .append(data)
        .append("; every workload 30% duplicates of seeded records, 5% repeats of a person")
        .append(" captured earlier in the same workload, 65% new people. Warm-up before the")
        .append(" measured runs: ")
        .append(options.get("warmup", "15000"))
        .append(" single captures and ")
        .append(options.get("warmup-batch", "10000"))
        .append(" in lists.\n\n");

    md.append("| | ").append(join(results, WorkloadResult::name, " | ")).append(" |\n");
    md.append("|---|").append("---|".repeat(results.size())).append("\n");
    row(md, "workload", results, WorkloadResult::how);
    row(
        md,
        "captures accepted / planned",
        results,
        r -> String.format(Locale.ROOT, "%,d / %,d", r.accepted(), r.planned()));
    row(
        md,
        "HTTP answers (per capture)",
        results,
        r -> statuses(r.httpStatuses(), r.batchRetries()));
    row(
        md,
        "sending took",
        results,
        r ->
            String.format(
                Locale.ROOT, "%.1f s (%,.0f accepted/s)", r.sendSeconds(), r.offeredPerSecond()));
    row(
        md,
        "**end-to-end leads/s** (first send → last final state)",
        results,
        r ->
            String.format(
                Locale.ROOT,
                "**%,.0f** (%,d in %.1f s)",
                r.endToEndPerSecond(),
                r.finals(),
                r.endToEndSeconds()));
    row(
        md,
        "**latency, capture → final state** p50 / p95 / p99 / max",
        results,
        r ->
            String.format(
                Locale.ROOT,
                "**%s / %s / %s** / %s ms",
                ms(r.latency().p50()),
                ms(r.latency().p95()),
                ms(r.latency().p99()),
                ms(r.latency().max())));
    row(
        md,
        "latency by stage, p50 / p99 ms: accepted · checked (dedup) · created (writer) · read"
            + " (driver)",
        results,
        r ->
            String.format(
                Locale.ROOT,
                "%s · %s · %s · %s",
                stage(r.stages().accepted()),
                stage(r.stages().checked()),
                stage(r.stages().created()),
                stage(r.stages().read())));
    row(md, "final states", results, r -> states(r.finalStates()));
    row(md, "verdicts other than expected", results, r -> Integer.toString(r.unexpectedVerdicts()));
    row(md, "captures deferred on the way", results, r -> Integer.toString(r.deferredCaptures()));
    row(
        md,
        "**Salesforce calls per lead**, Leadgate (emulator count)",
        results,
        r ->
            String.format(
                Locale.ROOT,
                "**%.4f** (%,d: %s)",
                r.callsPerLead(),
                r.salesforceCalls().calls(),
                operations(r.salesforceCalls().byOperation())));
    row(
        md,
        "calls per lead, naive checker, same captures",
        results,
        r ->
            r.naive() == null
                ? "–"
                : String.format(
                    Locale.ROOT,
                    "%.4f (first %,d captures%s)",
                    r.naive().perLead(),
                    r.naive().leads(),
                    r.naive().wrong() == 0 ? "" : ", " + r.naive().wrong() + " wrong verdicts"));
    row(
        md,
        "naive ÷ Leadgate",
        results,
        r ->
            r.naive() == null
                ? "–"
                : String.format(
                    Locale.ROOT, "%.1fx fewer calls", r.naive().perLead() / r.callsPerLead()));
    if (ceiling != null) {
      row(
          md,
          "end-to-end leads/s ÷ Kafka producer ceiling",
          results,
          r ->
              String.format(
                  Locale.ROOT,
                  "%.2f%%",
                  100 * r.endToEndPerSecond() / ceiling.producerPerSecond()));
    }
    row(
        md,
        "peak consumer lag: dedup (leads.captured) / writer (leads.to-create)",
        results,
        r ->
            r.window().peakLag().getOrDefault("dedup-service", -1L)
                + " / "
                + r.window().peakLag().getOrDefault("writer-service", -1L));
    md.append("\n");

    md.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n");
    WorkloadResult burst = find(results, "burst");
    WorkloadResult steady = find(results, "steady");
    if (burst != null) {
      target(
          md,
          "≥ 5,000 leads/s end to end in the burst",
          String.format(Locale.ROOT, "%,.0f leads/s", burst.endToEndPerSecond()),
          burst.endToEndPerSecond() >= TARGET_BURST_PER_SECOND);
      target(
          md,
          "≤ 0.05 Salesforce calls per lead in the burst",
          String.format(Locale.ROOT, "%.4f", burst.callsPerLead()),
          burst.callsPerLead() <= TARGET_BURST_CALLS_PER_LEAD);
    }
    if (steady != null) {
      target(
          md,
          "p99 ≤ 250 ms in the steady run",
          String.format(Locale.ROOT, "%s ms", ms(steady.latency().p99())),
          steady.latency().p99() <= TARGET_STEADY_P99_MS);
    }
    md.append("\n");

    md.append("### CPU, heap and RSS per process\n\n");
    md.append(
            "CPU is the process's user + system time over the workload's window (from the first"
                + " send to the last final state), as a share of one core; the machine has ")
        .append(machine.cores())
        .append(
            ". Heap is `jvm.memory.used` (area heap) from the"
                + " services' Prometheus endpoint, sampled every 5 s (a scrape costs a service"
                + " 10-25 ms of CPU), RSS is VmRSS from /proc, sampled every second; both their"
                + " peaks.\n\n");
    md.append("| process | ")
        .append(join(results, r -> r.name() + " CPU", " | "))
        .append(" | ")
        .append(join(results, r -> r.name() + " heap / RSS MiB", " | "))
        .append(" |\n");
    md.append("|---|").append("---|".repeat(results.size() * 2)).append("\n");
    List<String> names = new ArrayList<>();
    results.get(0).window().processes().forEach(p -> names.add(p.name()));
    for (String name : names) {
      md.append("| ").append(name);
      for (WorkloadResult r : results) {
        ProcessSampler.ProcStats p = proc(r, name);
        md.append(
            String.format(
                Locale.ROOT,
                " | %.1f s (%.0f%%)",
                p.cpuSeconds(),
                100 * p.cpuSeconds() / r.window().seconds()));
      }
      for (WorkloadResult r : results) {
        ProcessSampler.ProcStats p = proc(r, name);
        md.append(" | ")
            .append(
                Double.isNaN(p.peakHeapMib())
                    ? "–"
                    : String.format(Locale.ROOT, "%.0f", p.peakHeapMib()))
            .append(" / ")
            .append(String.format(Locale.ROOT, "%.0f", p.peakRssMib()));
      }
      md.append(" |\n");
    }
    md.append("\n");

    if (ceiling != null) {
      md.append("### Raw Kafka ceiling (same broker, Kafka's own perf tools)\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "%,d records of %d bytes (the mean size of the run's `LeadCaptured` events) to a topic of 6"
                  + " partitions, like `leads.captured`:%n%n"
                  + "| tool | records/s | MiB/s |%n|---|---|---|%n"
                  + "| ProducerPerformance (acks=all, throughput unthrottled) | %,.0f | %.1f |%n"
                  + "| ConsumerPerformance (fetch rate, group join excluded) | %,.0f | %.1f |%n%n",
              ceiling.records(),
              ceiling.recordSize(),
              ceiling.producerPerSecond(),
              ceiling.producerMibPerSecond(),
              ceiling.consumerPerSecond(),
              ceiling.consumerMibPerSecond()));
      md.append("Producer: `")
          .append(ceiling.producerLine())
          .append("`  \nConsumer: `")
          .append(ceiling.consumerLine())
          .append("`\n\n");
      md.append(
          "Each lead is more than one Kafka record: `LeadCaptured`, its RECEIVED status, a"
              + " `LeadCleared` for new people, the final status (and CHECKING), each read by one or"
              + " more consumer groups.\n\n");
    }
    return md.toString();
  }

  /** Puts the report between the markers of {@code file}, keeping everything else. */
  static void writeInto(Path file, String markdown) throws IOException {
    String block = BEGIN + "\n" + markdown + END;
    String text;
    if (Files.exists(file)) {
      text = Files.readString(file);
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      text =
          begin >= 0 && end > begin
              ? text.substring(0, begin) + block + text.substring(end + END.length())
              : text + "\n" + block + "\n";
    } else {
      text = "# Benchmarks\n\n" + block + "\n";
    }
    Files.writeString(file, text);
  }

  private static ProcessSampler.ProcStats proc(WorkloadResult r, String name) {
    return r.window().processes().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElse(new ProcessSampler.ProcStats(name, Double.NaN, Double.NaN, 0));
  }

  private static WorkloadResult find(List<WorkloadResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }

  private static void target(StringBuilder md, String target, String measured, boolean met) {
    md.append("| ")
        .append(target)
        .append(" | ")
        .append(measured)
        .append(" | ")
        .append(met ? "yes" : "**no**")
        .append(" |\n");
  }

  private static void row(
      StringBuilder md,
      String label,
      List<WorkloadResult> results,
      Function<WorkloadResult, String> cell) {
    md.append("| ").append(label).append(" | ").append(join(results, cell, " | ")).append(" |\n");
  }

  private static String join(
      List<WorkloadResult> results, Function<WorkloadResult, String> cell, String separator) {
    return String.join(separator, results.stream().map(cell).toList());
  }

  private static String stage(LatencyStats stats) {
    return stats.count() == 0 ? "–" : ms(stats.p50()) + " / " + ms(stats.p99());
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
  }

  private static String statuses(Map<Integer, Integer> counts, int retries) {
    List<String> parts = new ArrayList<>();
    counts.forEach(
        (status, n) ->
            parts.add(
                String.format(
                    Locale.ROOT, "%s ×%,d", status == -1 ? "no answer" : status.toString(), n)));
    if (retries > 0) {
      parts.add(retries + " lists sent again");
    }
    return String.join(", ", parts);
  }

  private static String states(Map<String, Integer> states) {
    List<String> parts = new ArrayList<>();
    states.forEach((state, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", state, n)));
    return String.join(", ", parts);
  }

  private static String operations(Map<String, Long> ops) {
    List<String> parts = new ArrayList<>();
    ops.forEach((op, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", op, n)));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }
}
