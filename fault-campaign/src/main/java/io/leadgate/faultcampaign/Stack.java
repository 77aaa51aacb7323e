package io.leadgate.faultcampaign;

import io.leadgate.emulator.EmulatorConfig;
import io.leadgate.emulator.OrgSpec;
import io.leadgate.emulator.SalesforceEmulator;
import io.leadgate.emulator.UserSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;

/**
 * Leadgate as separate processes: a Kafka broker process, the Salesforce emulator (in this JVM, so
 * the checker reads its records and call log directly), one budget-service (it keeps its ledger in
 * memory, so two replicas would each grant the whole cap) and two replicas of capture, dedup and
 * writer, each a JVM of its own started from the service's exec jar.
 */
final class Stack implements AutoCloseable {

  static final String SERVICE_TOKEN = "campaign-service-token";
  static final long TIGHT_LIMIT = 24;

  /** The tight org's daily limit once the nemesis is done (see the settle step). */
  static final long SETTLED_LIMIT = 2_000;

  final Path work;
  final SalesforceEmulator emulator;
  final List<Team> teams;
  final KafkaBrokerProcess broker;
  final List<ServiceInstance> instances = new ArrayList<>();

  private Stack(
      Path work, SalesforceEmulator emulator, List<Team> teams, KafkaBrokerProcess broker) {
    this.work = work;
    this.emulator = emulator;
    this.teams = teams;
    this.broker = broker;
  }

  static Stack start(Path work, Path servicesDirectory, Path cache) {
    try {
      Files.createDirectories(work);
      Path logs = work.resolve("logs");
      Files.createDirectories(logs);
      // Commit-then-timeout holds a worker thread per create for longer than the writer's read
      // timeout, so the emulator needs many.
      SalesforceEmulator emulator =
          SalesforceEmulator.start(EmulatorConfig.defaults().withPort(0).withWorkerThreads(96));
      List<Team> teams =
          List.of(
              team(emulator, "north", OrgSpec.DEFAULT_DAILY_API_LIMIT, 50, 50),
              team(emulator, "south", OrgSpec.DEFAULT_DAILY_API_LIMIT, 50, 50),
              // Its cap is reached while the nemesis runs: captures wait as DEFERRED until the
              // admin raises the cap at the end.
              team(emulator, "tight", TIGHT_LIMIT, 50, 100));
      Path tenants = work.resolve("tenants.yml");
      Files.writeString(tenants, tenantsYaml(teams, emulator.baseUrl().toString()));
      KafkaBrokerProcess broker = KafkaBrokerProcess.create(work);
      Stack stack = new Stack(work, emulator, teams, broker);
      Log.info("starting the Kafka broker, emulator at " + emulator.baseUrl());
      broker.start();
      Map<String, String> environment = new HashMap<>();
      environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      environment.put("LEADGATE_TENANTS_FILE", tenants.toAbsolutePath().toString());
      environment.put("LEADGATE_SERVICE_TOKEN", SERVICE_TOKEN);
      environment.put("BUDGET_SERVICE_URL", "http://127.0.0.1:1");
      Log.info("preparing the services (extracted jars, class data sharing archives)");
      Map<ServiceKind, CompletableFuture<ServiceImage>> preparing =
          new EnumMap<>(ServiceKind.class);
      for (ServiceKind kind : ServiceKind.values()) {
        preparing.put(
            kind,
            CompletableFuture.supplyAsync(
                () -> ServiceImage.prepare(kind, servicesDirectory, cache, environment)));
      }
      Map<ServiceKind, ServiceImage> images = new EnumMap<>(ServiceKind.class);
      preparing.forEach((kind, image) -> images.put(kind, image.join()));
      ServiceInstance budget =
          new ServiceInstance(images.get(ServiceKind.BUDGET), 1, environment, work, logs);
      environment.put("BUDGET_SERVICE_URL", budget.url());
      stack.instances.add(budget);
      for (ServiceKind kind : List.of(ServiceKind.DEDUP, ServiceKind.WRITER, ServiceKind.CAPTURE)) {
        for (int replica = 1; replica <= 2; replica++) {
          stack.instances.add(
              new ServiceInstance(images.get(kind), replica, environment, work, logs));
        }
      }
      Log.info("starting " + stack.instances.size() + " service instances");
      stack.instances.forEach(ServiceInstance::start);
      stack.awaitAllReady(Duration.ofMinutes(4));
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Team team(
      SalesforceEmulator emulator, String id, long limit, int initialCap, int settledCap) {
    var org =
        emulator.createOrg(
            OrgSpec.of("Campaign " + id, id + "-client", id + "-secret")
                .withDailyApiLimit(limit)
                .withUsers(
                    List.of(
                        UserSpec.integration(
                            "Leadgate", "Integration", "integration@" + id + ".example"),
                        UserSpec.of("Rep", id, "rep@" + id + ".example"))));
    return new Team(id, id + "-api-key", id + "-admin-key", org, limit, initialCap, settledCap);
  }

  private static String tenantsYaml(List<Team> teams, String salesforceUrl) {
    StringBuilder yaml = new StringBuilder("leadgate:\n  tenants:\n");
    for (Team team : teams) {
      yaml.append("    - team-id: ")
          .append(team.teamId())
          .append('\n')
          .append("      org-id: ")
          .append(team.orgId())
          .append('\n')
          .append("      api-key: ")
          .append(team.apiKey())
          .append('\n')
          .append("      admin-key: ")
          .append(team.adminKey())
          .append('\n')
          .append("      default-target: LEAD\n")
          .append("      salesforce:\n")
          .append("        login-url: ")
          .append(salesforceUrl)
          .append('\n')
          .append("        client-id: ")
          .append(team.org().clientId())
          .append('\n')
          .append("        client-secret: ")
          .append(team.org().clientSecret())
          .append('\n');
    }
    return yaml.toString();
  }

  List<ServiceInstance> instances(ServiceKind kind) {
    return instances.stream().filter(instance -> instance.kind() == kind).toList();
  }

  ServiceInstance budget() {
    return instances(ServiceKind.BUDGET).get(0);
  }

  void awaitAllReady(Duration atMost) {
    Awaitility.await("every service instance ready")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> instances.stream().allMatch(ServiceInstance::ready));
  }

  @Override
  public void close() {
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (ServiceInstance instance : instances) {
      stopping.add(CompletableFuture.runAsync(instance::stop));
    }
    stopping.forEach(CompletableFuture::join);
    broker.stop();
    emulator.close();
  }
}
