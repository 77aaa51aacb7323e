package io.leadgate.budget.allowance;

import io.leadgate.budget.BudgetProperties;
import io.leadgate.budget.allocation.Allocation;
import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.OrgBudget;
import io.leadgate.budget.allocation.Purpose;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Holds every org's {@link OrgBudget} and applies {@link Allocation} to it, one org at a time, so
 * concurrent requests can never grant the same headroom twice. Publishes the budget whenever its
 * mode changes.
 */
@Service
public class BudgetLedger {

  private static final Logger log = LoggerFactory.getLogger(BudgetLedger.class);

  private final Map<String, OrgBudget> budgets = new ConcurrentHashMap<>();
  private final BudgetProperties properties;
  private final Clock clock;
  private final KafkaTemplate<String, Object> kafka;

  public BudgetLedger(
      BudgetProperties properties, Clock clock, KafkaTemplate<String, Object> kafka) {
    this.properties = properties;
    this.clock = clock;
    this.kafka = kafka;
  }

  public Lease request(String orgId, long calls, Purpose purpose) {
    Instant now = clock.instant();
    Lease[] lease = new Lease[1];
    update(
        orgId,
        budget -> {
          Allocation.Decision decision =
              Allocation.request(
                  budget,
                  calls,
                  purpose,
                  UUID.randomUUID().toString(),
                  now,
                  properties.leaseDuration());
          lease[0] = decision.lease();
          return decision.budget();
        });
    return lease[0];
  }

  public void report(String orgId, String leaseId, long used) {
    Instant now = clock.instant();
    update(orgId, budget -> Allocation.report(budget, leaseId, used, now));
  }

  public void observe(String orgId, long used, long limit, Instant observedAt) {
    update(orgId, budget -> Allocation.observe(budget, used, limit, observedAt));
  }

  public OrgBudget budget(String orgId) {
    return budgets.computeIfAbsent(orgId, this::fresh);
  }

  public BudgetMode mode(String orgId) {
    return budget(orgId).mode(clock.instant());
  }

  /** Publishes every known org's budget; the topic is compacted, so this is its heartbeat. */
  public void publishAll() {
    budgets.values().forEach(budget -> publish(budget, budget.mode(clock.instant())));
  }

  private void update(String orgId, java.util.function.UnaryOperator<OrgBudget> change) {
    Instant now = clock.instant();
    BudgetMode[] modes = new BudgetMode[2];
    OrgBudget updated =
        budgets.compute(
            orgId,
            (id, current) -> {
              OrgBudget before = current == null ? fresh(id) : current;
              modes[0] = before.mode(now);
              OrgBudget after = change.apply(before);
              modes[1] = after.mode(now);
              return after;
            });
    if (modes[0] != modes[1]) {
      log.info("Org {} budget mode {} -> {}", orgId, modes[0], modes[1]);
      publish(updated, modes[1]);
    }
  }

  private void publish(OrgBudget budget, BudgetMode mode) {
    Instant now = clock.instant();
    kafka.send(
        Topics.BUDGET_STATUS.name(),
        budget.orgId(),
        new BudgetStatusChanged(
            BudgetStatusChanged.VERSION,
            budget.orgId(),
            mode,
            budget.dailyLimit(),
            budget.observedUsage(),
            budget.outstanding(now),
            budget.capCalls(),
            now));
  }

  private OrgBudget fresh(String orgId) {
    return new OrgBudget(
        orgId,
        properties.defaultDailyLimit(),
        properties.capPercent(),
        properties.goldenPercent(),
        0,
        null,
        List.of());
  }
}
