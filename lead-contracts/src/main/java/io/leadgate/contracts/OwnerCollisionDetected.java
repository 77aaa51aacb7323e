package io.leadgate.contracts;

import java.time.Instant;

/**
 * A rep captured a person whose existing Salesforce record belongs to someone else, on {@link
 * Topics#OWNER_COLLISIONS} keyed by org id, so that the owner can be told.
 *
 * @param capturedBy the capturing rep's e-mail
 * @param record the existing record and its owner
 */
public record OwnerCollisionDetected(
    int schemaVersion,
    String captureId,
    String teamId,
    String orgId,
    String capturedBy,
    MatchedRecord record,
    Instant detectedAt) {

  public static final int VERSION = 1;
}
