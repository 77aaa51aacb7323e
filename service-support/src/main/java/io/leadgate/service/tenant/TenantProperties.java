package io.leadgate.service.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call Leadgate: the teams with their orgs and keys, and the token services use to call
 * each other.
 *
 * @param serviceToken shared by Leadgate's own services for service-to-service calls
 */
@ConfigurationProperties("leadgate")
@Validated
public record TenantProperties(@Valid List<Tenant> tenants, @NotBlank String serviceToken) {

  public TenantProperties {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  @Override
  public String toString() {
    return "TenantProperties[tenants=" + tenants + ", serviceToken=<redacted>]";
  }
}
