package io.leadgate.service.tenant;

import io.leadgate.contracts.RecordTarget;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/**
 * A team of reps and the Salesforce org it keeps clean. Keys and secrets come from the environment
 * through placeholders in configuration, and {@link #toString()} never prints them.
 *
 * @param apiKey the key the team's extension sends as a Bearer token
 * @param adminKey the key only the team's admin holds (budget changes)
 */
public record Tenant(
    @NotBlank String teamId,
    @NotBlank String orgId,
    @NotBlank String apiKey,
    @NotBlank String adminKey,
    RecordTarget defaultTarget,
    @Valid @NotNull SalesforceOrg salesforce) {

  public Tenant {
    defaultTarget = defaultTarget == null ? RecordTarget.LEAD : defaultTarget;
  }

  @Override
  public String toString() {
    return "Tenant[teamId=" + teamId + ", orgId=" + orgId + ", keys=<redacted>]";
  }

  /** How to reach the team's org: OAuth client credentials of a connected app. */
  public record SalesforceOrg(
      @NotNull URI loginUrl, @NotBlank String clientId, @NotBlank String clientSecret) {

    @Override
    public String toString() {
      return "SalesforceOrg[loginUrl="
          + loginUrl
          + ", clientId="
          + clientId
          + ", secret=<redacted>]";
    }
  }
}
