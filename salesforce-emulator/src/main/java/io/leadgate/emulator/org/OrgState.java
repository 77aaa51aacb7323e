package io.leadgate.emulator.org;

import io.leadgate.emulator.DuplicateRuleMode;
import io.leadgate.emulator.FaultSpec;
import io.leadgate.emulator.faults.FaultPlan;
import io.leadgate.emulator.id.IdGenerator;
import io.leadgate.emulator.limits.ApiUsageWindow;
import io.leadgate.emulator.soql.QueryCursors;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything one emulated org holds. Record reads and writes go through {@link #locked}, one org at
 * a time, which keeps unique checks and query snapshots consistent under concurrent clients.
 */
public final class OrgState {

  private final String orgId;
  private final String name;
  private final String clientId;
  private final String clientSecret;
  private final String profileId;
  private final SchemaCatalog schema;
  private final RecordStore store;
  private final ApiUsageWindow usage;
  private final QueryCursors cursors;
  private final IdGenerator ids;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, String> passwordsByUserId = new ConcurrentHashMap<>();
  private volatile String integrationUserId;
  private volatile boolean loginAllowed;
  private volatile FaultPlan faults = FaultPlan.seeded(FaultSpec.none());
  private volatile DuplicateRuleMode duplicateRules = DuplicateRuleMode.OFF;
  private volatile Duration searchIndexDelay = Duration.ZERO;
  private volatile String jwtPublicKeyPem;

  public OrgState(
      String orgId,
      String name,
      String clientId,
      String clientSecret,
      SchemaCatalog schema,
      ApiUsageWindow usage,
      IdGenerator ids,
      Clock clock,
      boolean loginAllowed) {
    this.orgId = Objects.requireNonNull(orgId);
    this.name = name;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.schema = schema;
    this.store = new RecordStore(schema);
    this.usage = usage;
    this.cursors = new QueryCursors(clock, ids);
    this.ids = ids;
    this.clock = clock;
    this.profileId = ids.next("00e");
    this.loginAllowed = loginAllowed;
  }

  /** Runs an action with exclusive access to the org's records. */
  public <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  public String orgId() {
    return orgId;
  }

  public String orgId15() {
    return orgId.substring(0, 15);
  }

  public String name() {
    return name;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public String profileId() {
    return profileId;
  }

  public SchemaCatalog schema() {
    return schema;
  }

  /** The record store; use only inside {@link #locked}. */
  public RecordStore store() {
    return store;
  }

  public ApiUsageWindow usage() {
    return usage;
  }

  public QueryCursors cursors() {
    return cursors;
  }

  public IdGenerator ids() {
    return ids;
  }

  public Clock clock() {
    return clock;
  }

  public String integrationUserId() {
    return integrationUserId;
  }

  public void integrationUserId(String userId) {
    this.integrationUserId = userId;
  }

  public boolean loginAllowed() {
    return loginAllowed;
  }

  public void loginAllowed(boolean allowed) {
    this.loginAllowed = allowed;
  }

  public void password(String userId, String password) {
    passwordsByUserId.put(userId, password);
  }

  public String password(String userId) {
    return passwordsByUserId.get(userId);
  }

  public FaultPlan faults() {
    return faults;
  }

  public void faults(FaultPlan plan) {
    this.faults = Objects.requireNonNull(plan);
  }

  public DuplicateRuleMode duplicateRules() {
    return duplicateRules;
  }

  public void duplicateRules(DuplicateRuleMode mode) {
    this.duplicateRules = Objects.requireNonNull(mode);
  }

  /** How long after creation a record becomes visible to search (SOSL). */
  public Duration searchIndexDelay() {
    return searchIndexDelay;
  }

  public void searchIndexDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("searchIndexDelay must not be negative");
    }
    this.searchIndexDelay = delay;
  }

  /** The PEM public key (or certificate) JWT bearer assertions must be signed for, or null. */
  public String jwtPublicKeyPem() {
    return jwtPublicKeyPem;
  }

  public void jwtPublicKeyPem(String pem) {
    this.jwtPublicKeyPem = pem;
  }
}
