package io.leadgate.contracts;

import java.time.Instant;

/**
 * A capture that dedup-service checked and found no duplicate for, travelling on {@link
 * Topics#LEADS_TO_CREATE} to writer-service. Same key as {@link LeadCaptured}.
 *
 * @param checkCalls this lead's share of the Salesforce calls its dedup batch spent
 */
public record LeadCleared(
    int schemaVersion,
    String captureId,
    String teamId,
    String orgId,
    String personKey,
    LeadDetails lead,
    RecordTarget target,
    String capturedBy,
    Instant capturedAt,
    double checkCalls,
    Instant clearedAt) {

  public static final int VERSION = 1;
}
