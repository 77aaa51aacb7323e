package io.leadgate.budget.leads;

import io.leadgate.contracts.LeadState;
import io.leadgate.contracts.LeadStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meters of every capture's way through Leadgate, folded from {@code leads.status} by one consumer
 * group (so each decision is counted once whatever the number of budget-service replicas):
 *
 * <ul>
 *   <li>{@code leadgate.leads.decided{org,outcome}}: captures that reached a final state;
 *   <li>{@code leadgate.leads.deferred{org}}: times a capture was deferred for lack of budget;
 *   <li>{@code leadgate.lead.calls{org,outcome}}: Salesforce calls one capture cost (its share of
 *       batches), a distribution;
 *   <li>{@code leadgate.lead.latency{org,outcome}}: capture (RECEIVED) to final state, a histogram.
 * </ul>
 *
 * <p>The latency needs the RECEIVED time, which only the RECEIVED event carries; both events of a
 * capture share its key, hence its partition and consumer, and RECEIVED comes first. The times
 * waiting for their final state are kept in a bounded map: a capture evicted from it, or received
 * before this consumer started, simply gives no latency sample.
 */
public final class LeadMeters {

  private final MeterRegistry registry;
  private final int capacity;
  private final Map<String, Instant> received;

  public LeadMeters(MeterRegistry registry, int capacity) {
    this.registry = registry;
    this.capacity = capacity;
    this.received =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > LeadMeters.this.capacity;
          }
        };
  }

  public synchronized void on(LeadStatusChanged status) {
    if (status.orgId() == null || status.state() == null || status.occurredAt() == null) {
      return;
    }
    if (status.state() == LeadState.RECEIVED) {
      received.put(status.captureId(), status.occurredAt());
      return;
    }
    if (status.state() == LeadState.DEFERRED) {
      Counter.builder("leadgate.leads.deferred")
          .description("Captures deferred because the org had no API allowance")
          .tag("org", status.orgId())
          .register(registry)
          .increment();
      return;
    }
    if (!status.state().isFinal()) {
      return;
    }
    String outcome = status.state().name();
    Counter.builder("leadgate.leads.decided")
        .description("Captures that reached a final state")
        .tag("org", status.orgId())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    DistributionSummary.builder("leadgate.lead.calls")
        .description("Salesforce calls one capture cost, its share of its batches")
        .tag("org", status.orgId())
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(0.001)
        .maximumExpectedValue(10.0)
        .register(registry)
        .record(status.apiCalls());
    Instant start = received.remove(status.captureId());
    if (start != null && !status.occurredAt().isBefore(start)) {
      Timer.builder("leadgate.lead.latency")
          .description("From capture to final state")
          .tag("org", status.orgId())
          .tag("outcome", outcome)
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(10))
          .maximumExpectedValue(Duration.ofHours(24))
          .register(registry)
          .record(Duration.between(start, status.occurredAt()));
    }
  }
}
