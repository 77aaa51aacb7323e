package io.leadgate.faultcampaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Kafka broker (KRaft, combined broker and controller) as a process of its own, run from
 * Kafka's Maven Central jars on this harness' class path, on ports and in a data directory of its
 * own so that it never meets a broker someone else runs on this machine.
 */
final class KafkaBrokerProcess {

  private static final String CLUSTER_ID = "RmF1bHRDYW1wYWlnbkthZg";

  private final int port;
  private final ManagedProcess process;

  private KafkaBrokerProcess(int port, ManagedProcess process) {
    this.port = port;
    this.process = process;
  }

  static KafkaBrokerProcess create(Path workDirectory) {
    int port = Ports.free();
    int controllerPort = Ports.free();
    Path home = workDirectory.resolve("kafka");
    Path data = home.resolve("data");
    try {
      Files.createDirectories(data);
      Path properties = home.resolve("server.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "process.roles=broker,controller",
              "node.id=1",
              "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
              "listeners=PLAINTEXT://127.0.0.1:"
                  + port
                  + ",CONTROLLER://127.0.0.1:"
                  + controllerPort,
              "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
              "controller.listener.names=CONTROLLER",
              "inter.broker.listener.name=PLAINTEXT",
              "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
              "log.dirs=" + data.toAbsolutePath(),
              "num.partitions=1",
              "auto.create.topics.enable=false",
              "offsets.topic.replication.factor=1",
              "offsets.topic.num.partitions=6",
              "transaction.state.log.replication.factor=1",
              "transaction.state.log.min.isr=1",
              "share.coordinator.state.topic.replication.factor=1",
              "share.coordinator.state.topic.min.isr=1",
              "group.initial.rebalance.delay.ms=0",
              "log.cleaner.dedupe.buffer.size=4194304",
              ""));
      Path logback = home.resolve("logback.xml");
      Files.writeString(
          logback,
          """
          <configuration>
            <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
            </appender>
            <logger name="kafka" level="INFO"/>
            <logger name="org.apache.kafka" level="WARN"/>
            <root level="WARN"><appender-ref ref="out"/></root>
          </configuration>
          """);
      List<String> java = new ArrayList<>();
      java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      java.addAll(
          List.of(
              "-Xms128m",
              "-Xmx384m",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-Dlogback.configurationFile=" + logback.toAbsolutePath(),
              "-cp",
              System.getProperty("java.class.path")));
      format(java, properties, home);
      List<String> run = new ArrayList<>(java);
      run.add("kafka.Kafka");
      run.add(properties.toAbsolutePath().toString());
      return new KafkaBrokerProcess(
          port, new ManagedProcess("kafka", run, Map.of(), home, home.resolve("kafka.log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void format(List<String> java, Path properties, Path home) throws IOException {
    List<String> format = new ArrayList<>(java);
    format.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "-g",
            "-t",
            CLUSTER_ID,
            "-c",
            properties.toAbsolutePath().toString(),
            "--standalone"));
    Process process =
        new ProcessBuilder(format)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("format.log").toFile()))
            .start();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("formatting the Kafka data directory failed, see " + home);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  void start() {
    process.start();
    Awaitility.await("Kafka broker on port " + port)
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .until(this::acceptsConnections);
  }

  /** kill -9 and start again on the same port and data. */
  void crashAndRestart() {
    process.kill();
    start();
  }

  void stop() {
    process.stop();
  }

  private boolean acceptsConnections() {
    if (!process.alive()) {
      throw new IllegalStateException("the Kafka broker exited; see its log");
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
