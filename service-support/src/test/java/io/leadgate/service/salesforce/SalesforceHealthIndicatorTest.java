package io.leadgate.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.service.tenant.Tenant;
import io.leadgate.service.tenant.TenantProperties;
import io.leadgate.service.tenant.Tenants;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SalesforceHealthIndicatorTest {

  private HttpServer salesforce;

  @BeforeEach
  void start() throws Exception {
    // Any HTTP answer, even a 404, means the host is reachable.
    salesforce = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    salesforce.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    salesforce.start();
  }

  @AfterEach
  void stop() {
    salesforce.stop(0);
  }

  @Test
  void upWhileAnyOrgAnswersWithTheUnreachableOnesNamed() {
    Health health =
        indicator(Map.of("org-up", reachable(), "org-down", unreachable())).health(true);

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails().get("orgs").toString())
        .contains("org-up=reachable")
        .contains("org-down=unreachable");
  }

  @Test
  void downWhenNoOrgAnswers() {
    Health health = indicator(Map.of("org-down", unreachable())).health(true);

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
  }

  private URI reachable() {
    return URI.create("http://127.0.0.1:" + salesforce.getAddress().getPort() + "/");
  }

  private static URI unreachable() {
    return URI.create("http://127.0.0.1:1/");
  }

  private static SalesforceHealthIndicator indicator(Map<String, URI> orgs) {
    List<Tenant> tenants =
        orgs.entrySet().stream()
            .map(
                org ->
                    new Tenant(
                        "team-" + org.getKey(),
                        org.getKey(),
                        "key-" + org.getKey(),
                        "admin-" + org.getKey(),
                        RecordTarget.LEAD,
                        new Tenant.SalesforceOrg(org.getValue(), "client", "secret")))
            .toList();
    return new SalesforceHealthIndicator(
        new Tenants(new TenantProperties(tenants, "token")), Duration.ofSeconds(2));
  }
}
