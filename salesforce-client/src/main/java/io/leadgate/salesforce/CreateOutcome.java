package io.leadgate.salesforce;

import java.util.List;

/** What happened to one record of a create call. */
public sealed interface CreateOutcome {

  /** Salesforce saved the record. */
  record Created(String id) implements CreateOutcome {}

  /**
   * A unique field (Leadgate's person key) already holds this value: the person exists, created by
   * a retry or a concurrent capture. {@code existingId} is the 15-character id Salesforce names.
   */
  record DuplicateValue(String field, String existingId, String message) implements CreateOutcome {}

  /** The org's duplicate rule blocked the save. */
  record DuplicatesDetected(String rule, List<Match> matches) implements CreateOutcome {}

  /** A permanent validation error: the record will not be saved as it is. */
  record Rejected(String statusCode, String message, List<String> fields)
      implements CreateOutcome {}

  /** A record a duplicate rule matched. */
  record Match(String object, String id, double confidence) {}
}
