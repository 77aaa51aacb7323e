package io.leadgate.capture.benchmark;

import io.leadgate.capture.CaptureServiceApplication;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts capture-service for the load benchmark (capture-service/benchmark/run.sh): a real Kafka
 * broker (in-process, or KAFKA_BOOTSTRAP_SERVERS when set), the test tenants, the benchmark profile
 * (which adds the empty ceiling endpoint) and a rate limit high enough not to be measured. Prints
 * "READY port=…" once it serves.
 */
public final class BenchmarkServer {

  private BenchmarkServer() {}

  public static void main(String[] args) {
    String port = args.length > 0 ? args[0] : "18081";
    String kafka = KafkaBroker.bootstrapServers();
    java.util.List<String> arguments =
        new java.util.ArrayList<>(
            java.util.List.of(
                "--" + TestTenants.CONFIG_IMPORT,
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--leadgate.capture.rate-limit.capacity=1000000",
                "--leadgate.capture.rate-limit.per-second=1000000",
                "--logging.level.root=WARN",
                "--logging.level.io.leadgate=WARN"));
    // Further arguments override the above (to try settings without a rebuild).
    arguments.addAll(java.util.Arrays.asList(args).subList(Math.min(1, args.length), args.length));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(CaptureServiceApplication.class)
            .properties(CaptureServiceApplication.CONFIG_NAME)
            .profiles("benchmark")
            .run(arguments.toArray(String[]::new));
    System.out.println(
        "READY port="
            + context.getEnvironment().getProperty("local.server.port")
            + " kafka="
            + kafka);
  }
}
