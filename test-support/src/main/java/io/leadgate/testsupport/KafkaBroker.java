package io.leadgate.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one real Kafka broker of a test JVM, started on first use and shared by every test class.
 *
 * <p>Where it comes from, in order: {@code KAFKA_BOOTSTRAP_SERVERS} when set (a broker someone
 * already runs); a Testcontainers Kafka container when a Docker engine answers; otherwise an
 * in-process KRaft broker from spring-kafka-test. All three are real brokers; none lets a test
 * skip. Topic auto-creation is off, as in production, so services must declare their topics.
 */
public final class KafkaBroker {

  static final String ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
  private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  // The threads Spring Boot and Spring register to close application contexts at JVM exit.
  private static final Set<String> SPRING_SHUTDOWN_HOOKS =
      Set.of("SpringApplicationShutdownHook", "SpringContextShutdownHook");
  private static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(20);
  private static final Duration HOOKS_START_WITHIN = Duration.ofMillis(200);

  private static String bootstrapServers;
  private static String origin;

  private KafkaBroker() {}

  /** The broker's bootstrap servers, starting the broker if this JVM has none yet. */
  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      start();
    }
    return bootstrapServers;
  }

  /** Where the broker came from: "environment", "testcontainers" or "in-process". */
  public static synchronized String origin() {
    bootstrapServers();
    return origin;
  }

  private static void start() {
    String fromEnvironment = System.getenv(ENV_BOOTSTRAP);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      bootstrapServers = fromEnvironment;
      origin = "environment";
    } else if (dockerEngineAnswers()) {
      KafkaContainer container =
          new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
      container.start();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(afterContexts(container::stop), "kafka-container-stop"));
      bootstrapServers = container.getBootstrapServers();
      origin = "testcontainers";
    } else {
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerProperties(
          Map.of(
              "auto.create.topics.enable", "false",
              "log.cleaner.dedupe.buffer.size", "4194304",
              "group.initial.rebalance.delay.ms", "0"));
      broker.afterPropertiesSet();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(afterContexts(broker::destroy), "kafka-in-process-stop"));
      bootstrapServers = broker.getBrokersAsString();
      origin = "in-process";
    }
  }

  /**
   * Stops the broker only after the Spring contexts still open have closed (or a bounded wait).
   * Shutdown hooks run side by side: a broker stopped first left budget-service's contexts writing
   * their state at stop to a broker that was gone, and the test JVM waited 30 s to exit. The JVM
   * starts all hooks at once, so a Spring hook not seen within a moment of this one is not coming.
   */
  private static Runnable afterContexts(Runnable stop) {
    return () -> {
      long start = System.nanoTime();
      long deadline = start + CONTEXT_CLOSE_WAIT.toNanos();
      List<Thread> hooks = springShutdownHooks();
      while (hooks.isEmpty() && System.nanoTime() - start < HOOKS_START_WITHIN.toNanos()) {
        LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        hooks = springShutdownHooks();
      }
      for (Thread hook : hooks) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          hook.join(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      stop.run();
    };
  }

  private static List<Thread> springShutdownHooks() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> SPRING_SHUTDOWN_HOOKS.contains(thread.getName()))
        .toList();
  }

  private static boolean dockerEngineAnswers() {
    // Asking Testcontainers costs seconds of retries when no engine is configured at all, so only
    // ask when there is a socket or a DOCKER_HOST to ask.
    boolean configured =
        System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    if (!configured) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
