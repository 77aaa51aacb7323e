package io.leadgate.writer.create;

import io.leadgate.contracts.MatchedRecord;

/** The final word on one capture, before it becomes a status event. */
sealed interface Decision {

  /** This capture made the record. */
  record Created(String salesforceId) implements Decision {}

  /** The person already has a record (the person key, or the org's duplicate rule, says so). */
  record Duplicate(MatchedRecord match) implements Decision {}

  /** Salesforce refused the record for good; it goes to the dead-letter topic. */
  record Failed(String reason) implements Decision {}
}
