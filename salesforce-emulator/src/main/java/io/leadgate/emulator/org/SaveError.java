package io.leadgate.emulator.org;

import java.util.List;

/**
 * A per-record error of a save call, as the Partner API's Error type carries it.
 *
 * @param statusCode a value of the 65.0 StatusCode enum
 * @param message Salesforce's message text
 * @param fields the fields concerned, possibly empty
 * @param duplicateResult for DUPLICATES_DETECTED, the rule that fired and its matches (the error is
 *     then written as a DuplicateError); null otherwise
 */
public record SaveError(
    String statusCode,
    String message,
    List<String> fields,
    DuplicateRules.RuleResult duplicateResult) {

  public SaveError {
    fields = List.copyOf(fields);
  }

  public SaveError(String statusCode, String message, List<String> fields) {
    this(statusCode, message, fields, null);
  }
}
