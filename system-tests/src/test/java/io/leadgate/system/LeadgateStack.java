package io.leadgate.system;

import io.leadgate.budget.BudgetServiceApplication;
import io.leadgate.capture.CaptureServiceApplication;
import io.leadgate.dedup.DedupServiceApplication;
import io.leadgate.emulator.EmulatedOrg;
import io.leadgate.emulator.EmulatorConfig;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.SalesforceEmulator;
import io.leadgate.emulator.UserSpec;
import io.leadgate.testsupport.KafkaBroker;
import io.leadgate.testsupport.TestTenants;
import io.leadgate.writer.WriterServiceApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The whole of Leadgate in one JVM for end-to-end tests: the shared real broker, the Salesforce
 * emulator with the test teams' orgs, and the four services as separate Spring contexts that talk
 * to each other only over HTTP and Kafka, as they do in production.
 */
final class LeadgateStack implements AutoCloseable {

  final SalesforceEmulator emulator;
  final EmulatedOrg acme;
  private final List<ConfigurableApplicationContext> services = new ArrayList<>();
  private final int capturePort;
  private final int budgetPort;

  /** The emulator's clock, handed to every service so that simulated days pass for all. */
  private static volatile Clock sharedClock = Clock.systemUTC();

  @Configuration(proxyBeanMethods = false)
  static class SharedClock {
    @Bean
    @Primary
    Clock stackClock() {
      return sharedClock;
    }
  }

  private LeadgateStack(List<String> extraArguments) {
    emulator = SalesforceEmulator.start(EmulatorConfig.defaults().withPort(0));
    sharedClock = emulator.clock();
    acme =
        emulator.createOrg(
            OrgSpec.of("Acme", TestTenants.ACME_CLIENT_ID, TestTenants.ACME_CLIENT_SECRET)
                .withOrgId(TestTenants.ACME_ORG)
                .withUsers(
                    List.of(
                        UserSpec.integration("Leadgate", "Integration", "integration@acme.example"),
                        UserSpec.of("Jane", "Roe", "jane@acme.example"))));
    String kafka = KafkaBroker.bootstrapServers();
    List<String> common =
        List.of(
            TestTenants.CONFIG_IMPORT,
            "server.port=0",
            "spring.kafka.bootstrap-servers=" + kafka,
            "LEADGATE_TEST_SALESFORCE_URL=" + emulator.baseUrl());
    common = new ArrayList<>(common);
    common.addAll(extraArguments);
    budgetPort =
        port(start(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME, common));
    List<String> withBudget = new ArrayList<>(common);
    withBudget.add("BUDGET_SERVICE_URL=http://127.0.0.1:" + budgetPort);
    start(DedupServiceApplication.class, DedupServiceApplication.CONFIG_NAME, withBudget);
    start(WriterServiceApplication.class, WriterServiceApplication.CONFIG_NAME, withBudget);
    capturePort =
        port(start(CaptureServiceApplication.class, CaptureServiceApplication.CONFIG_NAME, common));
  }

  static LeadgateStack start() {
    return new LeadgateStack(List.of());
  }

  /** A stack whose services also get these {@code name=value} settings. */
  static LeadgateStack start(List<String> extraArguments) {
    return new LeadgateStack(extraArguments);
  }

  String budgetUrl() {
    return "http://127.0.0.1:" + budgetPort;
  }

  String captureUrl() {
    return "http://127.0.0.1:" + capturePort;
  }

  private ConfigurableApplicationContext start(
      Class<?> application, String configName, List<String> properties) {
    // As command-line arguments, so they win over each service's own configuration file.
    List<String> args = new ArrayList<>();
    properties.forEach(property -> args.add("--" + property));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application, SharedClock.class)
            .properties(configName)
            .run(args.toArray(String[]::new));
    services.add(context);
    return context;
  }

  private static int port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).close();
    }
    emulator.close();
  }
}
