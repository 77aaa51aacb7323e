package io.leadgate.service.salesforce;

import io.leadgate.service.tenant.Tenant;
import io.leadgate.service.tenant.Tenants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the tenants' Salesforce login hosts answer HTTP at all. Deliberately not an API call: a
 * probe every few seconds must not spend the org's API budget, and reachability is what readiness
 * needs to know. Any HTTP answer counts as reachable; a refused connection or a timeout does not.
 *
 * <p>DOWN only when no org is reachable (Salesforce, or the network to it, is gone); one team's
 * unreachable org is shown in the details but must not take the service out for every other team.
 */
public final class SalesforceHealthIndicator extends AbstractHealthIndicator {

  private final Tenants tenants;
  private final HttpClient http;
  private final Duration timeout;

  public SalesforceHealthIndicator(Tenants tenants, Duration timeout) {
    super("Salesforce is not reachable");
    this.tenants = tenants;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, String> orgs = new LinkedHashMap<>();
    int reachable = 0;
    for (Tenant tenant : tenants.all()) {
      boolean up = answers(tenant.salesforce().loginUrl());
      reachable += up ? 1 : 0;
      orgs.put(tenant.orgId(), up ? "reachable" : "unreachable");
    }
    boolean healthy = tenants.all().isEmpty() || reachable > 0;
    (healthy ? builder.up() : builder.down()).withDetail("orgs", orgs);
  }

  private boolean answers(URI loginUrl) {
    try {
      http.send(
          HttpRequest.newBuilder(loginUrl).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
