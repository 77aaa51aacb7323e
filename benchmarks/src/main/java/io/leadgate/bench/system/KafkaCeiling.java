package io.leadgate.bench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The raw Kafka ceiling on the same broker: Kafka's own ProducerPerformance (acks=all, as
 * Leadgate's producers) and ConsumerPerformance, each in its own JVM, with records the size of a
 * LeadCaptured event, on a topic with leads.captured's six partitions.
 */
final class KafkaCeiling {

  record Result(
      long records,
      int recordSize,
      double producerPerSecond,
      double producerMibPerSecond,
      String producerLine,
      double consumerPerSecond,
      double consumerMibPerSecond,
      String consumerLine) {}

  private static final String TOPIC = "bench.kafka-ceiling";
  private static final Pattern PRODUCED =
      Pattern.compile("([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

  private KafkaCeiling() {}

  static Result measure(String classpath, String bootstrap, long records, int recordSize)
      throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
    }
    String java = Path.javaCommand();
    List<String> producerOut =
        run(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                classpath,
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                TOPIC,
                "--num-records",
                Long.toString(records),
                "--record-size",
                Integer.toString(recordSize),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all"));
    String producerLine =
        producerOut.stream()
            .filter(l -> l.startsWith(records + " records sent"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("ProducerPerformance: " + producerOut));
    Matcher produced = PRODUCED.matcher(producerLine);
    if (!produced.find()) {
      throw new IllegalStateException("cannot read " + producerLine);
    }
    List<String> consumerOut =
        run(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                classpath,
                "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server",
                bootstrap,
                "--topic",
                TOPIC,
                "--messages",
                Long.toString(records),
                "--timeout",
                "120000"));
    // Header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
    // rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec. The fetch.* columns leave
    // out the group join, which is not throughput.
    String consumerLine = consumerOut.get(consumerOut.size() - 1);
    String[] columns = consumerLine.split(",\\s*");
    if (columns.length < 10) {
      throw new IllegalStateException("ConsumerPerformance: " + consumerOut);
    }
    return new Result(
        records,
        recordSize,
        Double.parseDouble(produced.group(1)),
        Double.parseDouble(produced.group(2)),
        producerLine,
        Double.parseDouble(columns[9]),
        Double.parseDouble(columns[8]),
        consumerLine);
  }

  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (var reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.contains("WARN") && !line.startsWith("SLF4J")) {
          lines.add(line.strip());
        }
      }
    }
    if (!process.waitFor(
            Duration.ofMinutes(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        || process.exitValue() != 0) {
      throw new IllegalStateException(command.get(4) + " failed: " + lines);
    }
    return lines;
  }

  /** The java of the running JVM, so the tools run on the same JDK as the stack. */
  private static final class Path {
    static String javaCommand() {
      return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }
}
