package io.leadgate.salesforce;

import java.util.Map;

/**
 * A record to create.
 *
 * @param object "Lead" or "Contact"
 * @param fields API field name to value; values are sent as strings
 */
public record NewRecord(String object, Map<String, String> fields) {

  public NewRecord {
    fields = Map.copyOf(fields);
  }
}
