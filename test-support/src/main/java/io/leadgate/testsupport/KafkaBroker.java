package io.leadgate.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
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
      Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-in-process-stop"));
      bootstrapServers = broker.getBrokersAsString();
      origin = "in-process";
    }
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
