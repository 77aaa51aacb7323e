package io.leadgate.emulator.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as a client sent it: raw values by the field names the client used (any case), plus the
 * fields it asked to null.
 */
public record IncomingRecord(String type, Map<String, Object> values, List<String> fieldsToNull) {

  public IncomingRecord {
    values = new LinkedHashMap<>(values);
    fieldsToNull = List.copyOf(fieldsToNull);
  }
}
