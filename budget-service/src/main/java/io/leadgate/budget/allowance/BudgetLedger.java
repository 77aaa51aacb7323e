package io.leadgate.budget.allowance;

import io.leadgate.budget.BudgetProperties;
import io.leadgate.budget.allocation.Allocation;
import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.OrgBudget;
import io.leadgate.budget.allocation.Purpose;
import io.leadgate.budget.allocation.Settings;
import io.leadgate.budget.allocation.SpendLog;
import io.leadgate.budget.allocation.SpendSummary;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Holds every org's {@link OrgBudget} and own-spend log and applies {@link Allocation} to them, one
 * org at a time (a lock per org), so concurrent requests can never grant the same headroom twice
 * while different orgs never wait for each other. Publishes the budget whenever its mode changes.
 */
@Service
public class BudgetLedger {

  private static final Logger log = LoggerFactory.getLogger(BudgetLedger.class);

  /** A grant and the org's mode right after it. */
  public record Grant(Lease lease, BudgetMode mode) {}

  /** What the org's team sees: one consistent snapshot. */
  public record View(
      OrgBudget budget,
      Instant at,
      long estimatedUsage,
      long leadgateUsage,
      long outstanding,
      long headroom,
      BudgetMode mode,
      Instant windowFreesAt) {}

  private static final class Entry {
    OrgBudget budget;
    final SpendLog spend = new SpendLog();
    long spendVersion;
    long summaryVersion = -1;
    Instant summaryObservedAt;
    SpendSummary summary = SpendSummary.NONE;

    Entry(OrgBudget budget) {
      this.budget = budget;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final BudgetProperties properties;
  private final Clock clock;
  private final KafkaTemplate<String, Object> kafka;
  private final BudgetMeters meters;
  private volatile Instant learningUntil;

  public BudgetLedger(
      BudgetProperties properties,
      Clock clock,
      KafkaTemplate<String, Object> kafka,
      MeterRegistry registry) {
    this.properties = properties;
    this.clock = clock;
    this.kafka = kafka;
    this.meters = new BudgetMeters(registry, this::view);
  }

  /** One allowance asked for. */
  public record Ask(long calls, Purpose purpose) {}

  /** Decides each ask in turn, as {@link #request} would, holding the org's lock once. */
  public List<Grant> requestAll(String orgId, List<Ask> asks) {
    List<Grant> grants = new java.util.ArrayList<>(asks.size());
    Entry entry = entry(orgId);
    synchronized (entry) {
      for (Ask ask : asks) {
        grants.add(request(orgId, ask.calls(), ask.purpose()));
      }
    }
    return grants;
  }

  public Grant request(String orgId, long calls, Purpose purpose) {
    String leaseId = UUID.randomUUID().toString();
    Lease[] lease = new Lease[1];
    BudgetMode mode =
        update(
            orgId,
            (budget, now) -> {
              Allocation.Decision decision =
                  Allocation.request(
                      budget, calls, purpose, leaseId, now, properties.leaseDuration());
              lease[0] = decision.lease();
              return decision.budget();
            });
    if (lease[0].granted() > 0) {
      meters.granted(orgId, purpose, lease[0].granted());
    }
    return new Grant(lease[0], mode);
  }

  public void report(String orgId, String leaseId, long used) {
    update(
        orgId,
        (budget, now) -> {
          for (Lease lease : budget.leases()) {
            if (lease.leaseId().equals(leaseId) && !lease.isReported()) {
              meters.spent(orgId, lease.purpose(), used);
              entries.get(orgId).spend.record(lease.reported(used, now));
              entries.get(orgId).spendVersion++;
            }
          }
          return Allocation.report(budget, leaseId, used, now);
        });
  }

  public void observe(String orgId, long used, long limit, Instant observedAt) {
    update(orgId, (budget, now) -> Allocation.observe(budget, used, limit, observedAt));
  }

  public void applySettings(String orgId, Settings settings) {
    update(orgId, (budget, now) -> budget.withSettings(settings));
  }

  public Settings settings(String orgId) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      return entry.budget.settings();
    }
  }

  public View view(String orgId) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      Instant now = clock.instant();
      OrgBudget budget = refreshed(entry, now);
      Instant freesAt = entry.spend.nextRelease(now);
      if (budget.observedAt() != null) {
        Instant observationLapses = budget.observedAt().plus(OrgBudget.WINDOW);
        if (observationLapses.isAfter(now)
            && (freesAt == null || observationLapses.isBefore(freesAt))) {
          freesAt = observationLapses;
        }
      }
      long outstanding = budget.outstanding(now);
      return new View(
          budget,
          now,
          budget.estimatedUsage(now),
          budget.spend().inWindow() + outstanding,
          outstanding,
          budget.headroom(Purpose.CREATE, now),
          budget.mode(now),
          freesAt);
    }
  }

  /** After an unclean stop: grant nothing until every lease the last run may have granted ended. */
  public void learnUntil(Instant until) {
    learningUntil = until;
    entries.values().forEach(entry -> update(entry.budget.orgId(), (budget, now) -> budget));
    log.warn(
        "The last run did not stop cleanly; no allowances until {}, when every lease it may have"
            + " granted has expired",
        until);
  }

  public void restoreSpend(String orgId, SpendLog.Bucket bucket) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      entry.spend.restore(bucket);
      entry.spend.drainDirty();
      entry.spendVersion++;
    }
  }

  public void restoreLeases(String orgId, List<Lease> leases) {
    update(orgId, (budget, now) -> Allocation.restore(budget, leases, now));
  }

  /** Spend buckets changed since the last call, per org, and old buckets forgotten. */
  public Map<String, List<SpendLog.Bucket>> drainSpend() {
    Map<String, List<SpendLog.Bucket>> changed = new LinkedHashMap<>();
    Instant now = clock.instant();
    for (Entry entry : entries.values()) {
      synchronized (entry) {
        List<SpendLog.Bucket> buckets = entry.spend.drainDirty();
        if (!buckets.isEmpty()) {
          changed.put(entry.budget.orgId(), buckets);
        }
        entry.spend.prune(now.minus(OrgBudget.WINDOW));
      }
    }
    return changed;
  }

  /** Every org's leases that still count, for a clean stop. */
  public Map<String, List<Lease>> liveLeases() {
    Map<String, List<Lease>> leases = new LinkedHashMap<>();
    for (Entry entry : entries.values()) {
      synchronized (entry) {
        leases.put(
            entry.budget.orgId(),
            Allocation.withoutSettledLeases(entry.budget, clock.instant()).leases());
      }
    }
    return leases;
  }

  /** Publishes every known org's budget; the topic is compacted, so this is its heartbeat. */
  public void publishAll() {
    for (Entry entry : entries.values()) {
      synchronized (entry) {
        Instant now = clock.instant();
        OrgBudget budget = refreshed(entry, now);
        publish(budget, budget.mode(now), now);
      }
    }
  }

  private interface Change {
    OrgBudget apply(OrgBudget budget, Instant now);
  }

  private BudgetMode update(String orgId, Change change) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      Instant now = clock.instant();
      OrgBudget before = refreshed(entry, now);
      BudgetMode modeBefore = before.mode(now);
      OrgBudget after = change.apply(before, now);
      entry.budget = after;
      after = refreshed(entry, now);
      BudgetMode modeAfter = after.mode(now);
      if (modeBefore != modeAfter) {
        log.info("Org {} budget mode {} -> {}", orgId, modeBefore, modeAfter);
        publish(after, modeAfter, now);
      }
      return modeAfter;
    }
  }

  /** The entry's budget with its spend summary brought up to {@code now} (cached while valid). */
  private OrgBudget refreshed(Entry entry, Instant now) {
    OrgBudget budget = entry.budget;
    if (entry.summaryVersion != entry.spendVersion
        || (entry.summary.changesAt() != null && !now.isBefore(entry.summary.changesAt()))
        || !java.util.Objects.equals(budget.observedAt(), entry.summaryObservedAt)) {
      // Only new spend, a new observation or the moment the summary names can change it.
      entry.summary = entry.spend.summarise(now, budget.observedAt(), properties.observationSkew());
      entry.summaryVersion = entry.spendVersion;
      entry.summaryObservedAt = budget.observedAt();
    }
    if (budget.spend() != entry.summary || budget.learningUntil() != learningUntil) {
      budget = budget.withSpend(entry.summary).withLearningUntil(learningUntil);
      entry.budget = budget;
    }
    return budget;
  }

  private void publish(OrgBudget budget, BudgetMode mode, Instant now) {
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

  private Entry entry(String orgId) {
    Entry known = entries.get(orgId);
    if (known != null) {
      return known;
    }
    boolean[] created = {false};
    Entry entry =
        entries.computeIfAbsent(
            orgId,
            id -> {
              created[0] = true;
              return new Entry(fresh(id));
            });
    if (created[0]) {
      meters.org(orgId);
    }
    return entry;
  }

  private OrgBudget fresh(String orgId) {
    return new OrgBudget(
        orgId,
        properties.defaultDailyLimit(),
        properties.defaultSettings(),
        0,
        null,
        List.of(),
        SpendSummary.NONE,
        learningUntil,
        properties.observationSkew());
  }
}
