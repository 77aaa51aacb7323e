package io.leadgate.budget.allowance;

import io.leadgate.budget.allocation.Purpose;
import io.leadgate.contracts.BudgetMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The budget as meters, per org: gauges read the ledger's current view at scrape time (so they
 * never go stale between heartbeats), counters count calls granted and reported spent by purpose.
 * Leadgate's Salesforce calls by purpose and org are {@code leadgate.budget.calls.spent}: every
 * call dedup and writer make is paid by a lease whose purpose budget-service knows.
 */
final class BudgetMeters {

  private final MeterRegistry registry;
  private final Function<String, BudgetLedger.View> views;

  BudgetMeters(MeterRegistry registry, Function<String, BudgetLedger.View> views) {
    this.registry = registry;
    this.views = views;
  }

  /** Called once, when the ledger first hears of an org. */
  void org(String orgId) {
    gauge(
        "leadgate.budget.usage",
        "Estimated org usage, all integrations",
        orgId,
        v -> v.estimatedUsage());
    gauge(
        "leadgate.budget.observed.usage",
        "Org usage Salesforce last reported",
        orgId,
        v -> v.budget().observedUsage());
    gauge(
        "leadgate.budget.leadgate.usage",
        "Leadgate's own calls still in the window",
        orgId,
        v -> v.leadgateUsage());
    gauge(
        "leadgate.budget.outstanding",
        "Calls granted and not yet observed",
        orgId,
        v -> v.outstanding());
    gauge("leadgate.budget.cap", "The admin's cap in calls", orgId, v -> v.budget().capCalls());
    gauge(
        "leadgate.budget.limit",
        "The org's rolling 24-hour API limit",
        orgId,
        v -> v.budget().dailyLimit());
    gauge(
        "leadgate.budget.headroom",
        "Calls Leadgate may still be granted",
        orgId,
        v -> v.headroom());
    for (BudgetMode mode : BudgetMode.values()) {
      // One series per mode, 1 for the current one: Prometheus' idiom for an enum.
      Gauge.builder("leadgate.budget.mode", views, f -> f.apply(orgId).mode() == mode ? 1 : 0)
          .description("1 for the org's current budget mode")
          .tag("org", orgId)
          .tag("mode", mode.name())
          .register(registry);
    }
  }

  /** The org's counter of calls granted for a purpose (kept by the caller: no lookup per grant). */
  Counter granted(String orgId, Purpose purpose) {
    return counter(
        "leadgate.budget.calls.granted", "Calls granted to Leadgate's services", orgId, purpose);
  }

  /** The org's counter of calls reported spent for a purpose. */
  Counter spent(String orgId, Purpose purpose) {
    return counter(
        "leadgate.budget.calls.spent",
        "Salesforce calls Leadgate reported spending",
        orgId,
        purpose);
  }

  private void gauge(
      String name, String description, String orgId, ToDoubleFunction<BudgetLedger.View> value) {
    Gauge.builder(name, views, f -> value.applyAsDouble(f.apply(orgId)))
        .description(description)
        .tag("org", orgId)
        .register(registry);
  }

  private Counter counter(String name, String description, String orgId, Purpose purpose) {
    return Counter.builder(name)
        .description(description)
        .tag("org", orgId)
        .tag("purpose", purpose.name())
        .register(registry);
  }
}
