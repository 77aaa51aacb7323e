package io.leadgate.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.salesforce.ApiUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SalesforceUsageMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SalesforceUsageMetrics metrics = new SalesforceUsageMetrics(registry, "dedup");
  private final Instant at = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void gaugesFollowTheLatestReadingAndCallsAreCountedPerOrg() {
    metrics.record(new ApiUsage("org-a", 10, 15_000, at));
    metrics.record(new ApiUsage("org-a", 12, 15_000, at));
    metrics.record(new ApiUsage("org-b", 3, 100_000, at));

    assertThat(registry.get("salesforce.api.usage").tag("org", "org-a").gauge().value())
        .isEqualTo(12);
    assertThat(registry.get("salesforce.api.limit").tag("org", "org-b").gauge().value())
        .isEqualTo(100_000);
    assertThat(registry.get("salesforce.calls").tag("org", "org-a").counter().count()).isEqualTo(2);
    assertThat(
            registry
                .get("salesforce.calls")
                .tag("org", "org-b")
                .tag("service", "dedup")
                .counter()
                .count())
        .isEqualTo(1);
  }
}
