package io.leadgate.service.salesforce;

import io.leadgate.salesforce.ApiUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of what Salesforce reports after each call: the org's usage and limit (every integration
 * included) as gauges, and the calls this service made as a counter, all tagged by org.
 */
public final class SalesforceUsageMetrics {

  private final MeterRegistry registry;
  private final String source;
  private final Map<String, AtomicLong[]> byOrg = new ConcurrentHashMap<>();

  public SalesforceUsageMetrics(MeterRegistry registry, String source) {
    this.registry = registry;
    this.source = source;
  }

  public void record(ApiUsage usage) {
    AtomicLong[] values =
        byOrg.computeIfAbsent(
            usage.orgId(),
            org -> {
              AtomicLong used = new AtomicLong();
              AtomicLong limit = new AtomicLong();
              Gauge.builder("salesforce.api.usage", used, AtomicLong::get)
                  .description("The org's API calls in the rolling 24 hours, all integrations")
                  .tag("org", org)
                  .register(registry);
              Gauge.builder("salesforce.api.limit", limit, AtomicLong::get)
                  .description("The org's rolling-24-hour API limit")
                  .tag("org", org)
                  .register(registry);
              return new AtomicLong[] {used, limit};
            });
    values[0].set(usage.used());
    values[1].set(usage.limit());
    Counter.builder("salesforce.calls")
        .description("Salesforce API calls this service made")
        .tag("org", usage.orgId())
        .tag("service", source)
        .register(registry)
        .increment();
  }
}
