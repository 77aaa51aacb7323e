package io.leadgate.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A capture moved to a new {@link LeadState}. Published on {@link Topics#LEADS_STATUS}, keyed by
 * capture id, compacted: the latest event per capture is its current status.
 *
 * @param match the duplicate found, for {@link LeadState#DUPLICATE}; null otherwise or when the
 *     GOLDEN cloud hides details
 * @param salesforceId the created record, for {@link LeadState#CREATED}
 * @param reason why, for {@link LeadState#DEFERRED} and {@link LeadState#FAILED}
 * @param nextAttemptAt when a deferred capture is tried again, if known
 * @param apiCalls Salesforce calls attributed to this capture so far (its share of batches)
 * @param keysTried the identity keys the check looked the person up by (email, linkedin, phone,
 *     name+company), or recent when Leadgate answered from what it had just seen
 */
public record LeadStatusChanged(
    int schemaVersion,
    String captureId,
    String teamId,
    String orgId,
    LeadState state,
    Cloud cloud,
    MatchedRecord match,
    String salesforceId,
    String reason,
    Instant nextAttemptAt,
    double apiCalls,
    List<String> keysTried,
    Instant occurredAt) {

  public static final int VERSION = 1;

  public LeadStatusChanged {
    keysTried = keysTried == null ? List.of() : List.copyOf(keysTried);
  }

  public static LeadStatusChanged of(
      String captureId, String teamId, String orgId, LeadState state, Instant occurredAt) {
    return new LeadStatusChanged(
        VERSION,
        captureId,
        teamId,
        orgId,
        state,
        Cloud.BLUE,
        null,
        null,
        null,
        null,
        0,
        List.of(),
        occurredAt);
  }

  public LeadStatusChanged withMatch(MatchedRecord match) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }

  public LeadStatusChanged withSalesforceId(String salesforceId) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }

  public LeadStatusChanged withReason(String reason, Instant nextAttemptAt) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }

  public LeadStatusChanged withCloud(Cloud cloud) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }

  public LeadStatusChanged withApiCalls(double apiCalls) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }

  public LeadStatusChanged withKeysTried(List<String> keysTried) {
    return new LeadStatusChanged(
        schemaVersion,
        captureId,
        teamId,
        orgId,
        state,
        cloud,
        match,
        salesforceId,
        reason,
        nextAttemptAt,
        apiCalls,
        keysTried,
        occurredAt);
  }
}
