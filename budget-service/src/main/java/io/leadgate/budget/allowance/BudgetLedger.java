package io.leadgate.budget.allowance;

import io.leadgate.budget.BudgetProperties;
import io.leadgate.budget.allocation.Lease;
import io.leadgate.budget.allocation.OrgAccount;
import io.leadgate.budget.allocation.OrgBudget;
import io.leadgate.budget.allocation.Purpose;
import io.leadgate.budget.allocation.Settings;
import io.leadgate.budget.allocation.SpendLog;
import io.leadgate.contracts.BudgetMode;
import io.leadgate.contracts.BudgetStatusChanged;
import io.leadgate.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Holds every org's {@link OrgAccount} and applies requests, reports and readings to it, one org at
 * a time (a lock per org), so concurrent requests can never grant the same headroom twice while
 * different orgs never wait for each other. Publishes the budget whenever its mode changes.
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

  /** One allowance asked for. */
  public record Ask(long calls, Purpose purpose) {}

  private static final class Entry {
    final OrgAccount account;
    final Counter[] granted = new Counter[Purpose.values().length];
    final Counter[] spent = new Counter[Purpose.values().length];

    Entry(OrgAccount account) {
      this.account = account;
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

  /** Decides each ask in turn, as {@link #request} would, holding the org's lock once. */
  public Grant[] requestAll(String orgId, Ask[] asks) {
    String[] leaseIds = new String[asks.length];
    for (int i = 0; i < asks.length; i++) {
      leaseIds[i] = leaseId();
    }
    Grant[] grants = new Grant[asks.length];
    Entry entry = entry(orgId);
    synchronized (entry) {
      for (int i = 0; i < asks.length; i++) {
        grants[i] = decide(entry, orgId, asks[i].calls(), asks[i].purpose(), leaseIds[i]);
      }
    }
    return grants;
  }

  public Grant request(String orgId, long calls, Purpose purpose) {
    String leaseId = leaseId();
    Entry entry = entry(orgId);
    synchronized (entry) {
      return decide(entry, orgId, calls, purpose, leaseId);
    }
  }

  /** One decision; the caller holds the entry's lock. Allocates the lease and little else. */
  private Grant decide(Entry entry, String orgId, long calls, Purpose purpose, String leaseId) {
    Instant now = clock.instant();
    BudgetMode before = entry.account.budget(now).mode(now);
    Lease lease = entry.account.request(calls, purpose, leaseId, now, properties.leaseDuration());
    BudgetMode after = published(entry, orgId, before, now);
    if (lease.granted() > 0) {
      counter(entry.granted, orgId, purpose, meters::granted).increment(lease.granted());
    }
    return new Grant(lease, after);
  }

  public void report(String orgId, String leaseId, long used) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      Instant now = clock.instant();
      BudgetMode before = entry.account.budget(now).mode(now);
      reportHeld(entry, orgId, leaseId, used, now);
      published(entry, orgId, before, now);
    }
  }

  /** Reports of several leases of one org, as {@link #report} each, holding its lock once. */
  public void reportAll(String orgId, String[] leaseIds, long[] used) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      Instant now = clock.instant();
      BudgetMode before = entry.account.budget(now).mode(now);
      for (int i = 0; i < leaseIds.length; i++) {
        reportHeld(entry, orgId, leaseIds[i], used[i], now);
      }
      published(entry, orgId, before, now);
    }
  }

  private void reportHeld(Entry entry, String orgId, String leaseId, long used, Instant now) {
    Lease reported = entry.account.report(leaseId, used, now);
    if (reported != null) {
      counter(entry.spent, orgId, reported.purpose(), meters::spent)
          .increment(reported.reportedUsed());
    }
  }

  /**
   * A usage reading from a response that arrived at {@code observedAt}, to a request sent at {@code
   * requestedAt} (null in readings that do not carry it).
   */
  public void observe(
      String orgId, long used, long limit, Instant observedAt, Instant requestedAt) {
    update(
        entry(orgId),
        orgId,
        (account, now) -> {
          account.observe(used, limit, observedAt, requestedAt);
          return null;
        });
  }

  public void applySettings(String orgId, Settings settings) {
    update(
        entry(orgId),
        orgId,
        (account, now) -> {
          account.applySettings(settings);
          return null;
        });
  }

  public Settings settings(String orgId) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      return entry.account.budget(clock.instant()).settings();
    }
  }

  public View view(String orgId) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      Instant now = clock.instant();
      OrgAccount account = entry.account;
      OrgBudget budget = account.budget(now);
      return new View(
          budget,
          now,
          budget.estimatedUsage(now),
          account.leadgateUsage(now),
          budget.outstanding(),
          budget.headroom(Purpose.CREATE, now),
          budget.mode(now),
          account.windowFreesAt(now));
    }
  }

  /** After an unclean stop: grant nothing until every lease the last run may have granted ended. */
  public void learnUntil(Instant until) {
    learningUntil = until;
    entries.forEach(
        (orgId, entry) ->
            update(
                entry,
                orgId,
                (account, now) -> {
                  account.learnUntil(until);
                  return null;
                }));
    log.warn(
        "The last run did not stop cleanly; no allowances until {}, when every lease it may have"
            + " granted has expired",
        until);
  }

  public void restoreSpend(String orgId, SpendLog.Bucket bucket) {
    Entry entry = entry(orgId);
    synchronized (entry) {
      entry.account.restoreSpend(bucket);
    }
  }

  public void restoreLeases(String orgId, List<Lease> leases) {
    update(
        entry(orgId),
        orgId,
        (account, now) -> {
          account.restore(leases, now);
          return null;
        });
  }

  /** Spend buckets changed since the last call, per org, and old buckets forgotten. */
  public Map<String, List<SpendLog.Bucket>> drainSpend() {
    Map<String, List<SpendLog.Bucket>> changed = new LinkedHashMap<>();
    Instant now = clock.instant();
    entries.forEach(
        (orgId, entry) -> {
          synchronized (entry) {
            List<SpendLog.Bucket> buckets = entry.account.drainSpend(now);
            if (!buckets.isEmpty()) {
              changed.put(orgId, buckets);
            }
          }
        });
    return changed;
  }

  /** Every org's leases that still count, for a clean stop. */
  public Map<String, List<Lease>> liveLeases() {
    Map<String, List<Lease>> leases = new LinkedHashMap<>();
    entries.forEach(
        (orgId, entry) -> {
          synchronized (entry) {
            leases.put(orgId, entry.account.liveLeases(clock.instant()));
          }
        });
    return leases;
  }

  /** Publishes every known org's budget; the topic is compacted, so this is its heartbeat. */
  public void publishAll() {
    entries.forEach(
        (orgId, entry) -> {
          synchronized (entry) {
            Instant now = clock.instant();
            OrgBudget budget = entry.account.budget(now);
            publish(budget, budget.mode(now), now);
          }
        });
  }

  private interface Change {
    Object apply(OrgAccount account, Instant now);
  }

  private BudgetMode update(Entry entry, String orgId, Change change) {
    synchronized (entry) {
      Instant now = clock.instant();
      BudgetMode modeBefore = entry.account.budget(now).mode(now);
      change.apply(entry.account, now);
      return published(entry, orgId, modeBefore, now);
    }
  }

  /** The org's mode after a change, published if it differs from the one before; lock held. */
  private BudgetMode published(Entry entry, String orgId, BudgetMode modeBefore, Instant now) {
    OrgBudget after = entry.account.budget(now);
    BudgetMode modeAfter = after.mode(now);
    if (modeBefore != modeAfter) {
      log.info("Org {} budget mode {} -> {}", orgId, modeBefore, modeAfter);
      publish(after, modeAfter, now);
    }
    return modeAfter;
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
            budget.outstanding(),
            budget.capCalls(),
            now));
  }

  private static Counter counter(
      Counter[] counters,
      String orgId,
      Purpose purpose,
      BiFunction<String, Purpose, Counter> register) {
    Counter counter = counters[purpose.ordinal()];
    if (counter == null) {
      counter = register.apply(orgId, purpose);
      counters[purpose.ordinal()] = counter;
    }
    return counter;
  }

  /**
   * A random (version 4) UUID. Lease ids only need to be unique, not unguessable (only Leadgate's
   * services, with the service token, can use one), so a thread-local generator serves instead of
   * {@link UUID#randomUUID()}'s SecureRandom, which showed in the flight recording.
   */
  private static String leaseId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(high, low).toString();
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

  private OrgAccount fresh(String orgId) {
    return new OrgAccount(
        OrgBudget.unobserved(orgId, properties.defaultDailyLimit(), properties.defaultSettings())
            .withLearningUntil(learningUntil),
        properties.observationSkew(),
        properties.clockTolerance());
  }
}
