package io.leadgate.service.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Looks tenants up by key, team or org. Keys are compared in constant time. */
public final class Tenants {

  private final List<Tenant> tenants;
  private final String serviceToken;

  public Tenants(TenantProperties properties) {
    this.tenants = properties.tenants();
    this.serviceToken = properties.serviceToken();
  }

  /** Who is calling, from the Bearer token they presented. */
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    if (matches(serviceToken, token)) {
      return Optional.of(new Caller.Service());
    }
    for (Tenant tenant : tenants) {
      if (matches(tenant.adminKey(), token)) {
        return Optional.of(new Caller.TeamAdmin(tenant));
      }
      if (matches(tenant.apiKey(), token)) {
        return Optional.of(new Caller.TeamMember(tenant));
      }
    }
    return Optional.empty();
  }

  public Optional<Tenant> byTeam(String teamId) {
    return tenants.stream().filter(t -> t.teamId().equals(teamId)).findFirst();
  }

  public Optional<Tenant> byOrg(String orgId) {
    return tenants.stream().filter(t -> t.orgId().equals(orgId)).findFirst();
  }

  public List<Tenant> all() {
    return tenants;
  }

  /** Credentials serviceToken for calls this service makes to another Leadgate service. */
  public String serviceToken() {
    return serviceToken;
  }

  private static boolean matches(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
