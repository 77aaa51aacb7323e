package io.leadgate.contracts;

import java.time.Instant;

/**
 * A capture accepted by capture-service and durable on {@link Topics#LEADS_CAPTURED}.
 *
 * @param personKey the normalised identity of the person; the Kafka key is {@code orgId + "/" +
 *     personKey} so that every capture of one person in one org lands on one partition
 * @param capturedBy the rep's e-mail
 */
public record LeadCaptured(
    int schemaVersion,
    String captureId,
    String teamId,
    String orgId,
    String personKey,
    LeadDetails lead,
    RecordTarget target,
    String capturedBy,
    Instant capturedAt) {

  public static final int VERSION = 1;
}
