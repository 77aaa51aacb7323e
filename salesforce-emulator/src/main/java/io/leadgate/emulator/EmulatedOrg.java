package io.leadgate.emulator;

import io.leadgate.emulator.faults.FaultPlan;
import io.leadgate.emulator.id.SalesforceIds;
import io.leadgate.emulator.oauth.SessionRegistry;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.RecordWriter;
import io.leadgate.emulator.org.SObjectSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A handle on one emulated org for tests and tools: seed and inspect records, read API usage and
 * change limits and settings, without going through (or being counted by) the API.
 *
 * <p>Record maps use canonical field names; values are String, Boolean, {@link java.time.Instant}
 * (date-times), {@link java.time.LocalDate} or Double, and null for empty fields.
 */
public final class EmulatedOrg {

  private final OrgState state;
  private final SessionRegistry sessions;

  EmulatedOrg(OrgState state, SessionRegistry sessions) {
    this.state = state;
    this.sessions = sessions;
  }

  /** The 18-character org id. */
  public String orgId() {
    return state.orgId();
  }

  /** The 15-character org id, as session ids and SOAP endpoint paths carry it. */
  public String orgId15() {
    return state.orgId15();
  }

  public String name() {
    return state.name();
  }

  public String clientId() {
    return state.clientId();
  }

  public String clientSecret() {
    return state.clientSecret();
  }

  /** The user OAuth sessions run as (the default record owner). */
  public String integrationUserId() {
    return state.integrationUserId();
  }

  /**
   * Inserts a record directly: not counted as an API call, no validation or duplicate rules; only
   * ids, defaults, Name and audit fields are filled in. Id, OwnerId and CreatedDate may be given.
   *
   * @return the new 18-character id
   * @throws IllegalArgumentException for unknown types or fields, unconvertible values, or a value
   *     already taken on a unique field
   */
  public String seed(String sobjectType, Map<String, Object> fields) {
    return state.locked(() -> new RecordWriter(state).seed(sobjectType, fields));
  }

  /** Copies of all records of a type, in insertion order. */
  public List<Map<String, Object>> records(String sobjectType) {
    SObjectSchema schema = schema(sobjectType);
    return state.locked(
        () -> {
          List<Map<String, Object>> copies = new ArrayList<>();
          for (Map<String, Object> record : state.store().all(schema.name())) {
            copies.add(Collections.unmodifiableMap(new LinkedHashMap<>(record)));
          }
          return copies;
        });
  }

  /** A copy of the record with this 15- or 18-character id. */
  public Optional<Map<String, Object>> record(String id) {
    return SalesforceIds.canonical(id)
        .flatMap(
            id18 ->
                state.locked(
                    () ->
                        state
                            .store()
                            .byId(id18)
                            .map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r)))));
  }

  /** Deletes all records of a type (users cannot be cleared: they own records). */
  public void clearRecords(String sobjectType) {
    SObjectSchema schema = schema(sobjectType);
    if (schema.name().equals("User")) {
      throw new IllegalArgumentException("users cannot be cleared");
    }
    state.locked(
        () -> {
          state.store().clear(schema.name());
          return null;
        });
  }

  /** Counted calls in the rolling 24-hour window (without background usage). */
  public long apiCallsInWindow() {
    return state.usage().callsInWindow();
  }

  public ApiUsageReport apiUsage() {
    return state.usage().report();
  }

  /** Recent API calls, oldest first (bounded). */
  public List<CallLogEntry> callLog() {
    return state.usage().callLog();
  }

  /** Changes limits; a null argument leaves that value unchanged. */
  public void updateLimits(Long dailyApiLimit, Long backgroundUsage, Double overshootFactor) {
    state.usage().update(dailyApiLimit, backgroundUsage, overshootFactor);
  }

  public boolean loginAllowed() {
    return state.loginAllowed();
  }

  public void setLoginAllowed(boolean allowed) {
    state.loginAllowed(allowed);
  }

  /**
   * Issues an access token for the integration user without an OAuth round trip; handy for tests
   * that do not exercise authentication.
   */
  public String openSession() {
    return sessions.issue(state, state.integrationUserId()).token();
  }

  /**
   * Starts injecting faults into this org's SOAP calls, replacing any previous spec. The draws come
   * from a generator seeded with {@link FaultSpec#seed()}.
   */
  public void setFaults(FaultSpec faults) {
    state.faults(FaultPlan.seeded(faults));
  }

  /** Starts injecting faults, drawing from the given generator (used under a lock). */
  public void setFaults(FaultSpec faults, RandomGenerator random) {
    state.faults(new FaultPlan(faults, random));
  }

  /** The active fault spec ({@link FaultSpec#none()} when there is none). */
  public FaultSpec faults() {
    return state.faults().spec();
  }

  public void clearFaults() {
    setFaults(FaultSpec.none());
  }

  /**
   * Invalidates every live access token of this org at once; the next call with one gets
   * INVALID_SESSION_ID ("Illegal Session"), as after an admin revoked the sessions.
   */
  public void expireSessions() {
    sessions.revokeAll(state);
  }

  /** The standard Lead and Contact duplicate rules' mode. */
  public DuplicateRuleMode duplicateRules() {
    return state.duplicateRules();
  }

  /**
   * Activates the standard duplicate rules (Lead, Contact, and Lead vs Contact both ways) as Alert
   * or Block rules, or turns them off (the default).
   */
  public void setDuplicateRules(DuplicateRuleMode mode) {
    state.duplicateRules(mode);
  }

  /** How long after creation (by the emulator clock) a record becomes searchable with SOSL. */
  public Duration searchIndexDelay() {
    return state.searchIndexDelay();
  }

  public void setSearchIndexDelay(Duration delay) {
    state.searchIndexDelay(delay);
  }

  private SObjectSchema schema(String sobjectType) {
    return state
        .schema()
        .find(sobjectType)
        .orElseThrow(() -> new IllegalArgumentException("unknown sObject type " + sobjectType));
  }
}
