package io.leadgate.emulator.soql;

import java.util.List;

/**
 * One record of a query result as the SOAP layer writes it: its type, the value of the fixed Id
 * slot (null unless Id was selected at this level), and the selected fields in SELECT order. A
 * field value is a formatted String, null, or a nested {@link RowNode} for a parent relationship.
 */
public record RowNode(String type, String id, List<Field> fields) {

  public RowNode {
    fields = List.copyOf(fields);
  }

  /** A selected field; {@code value} is a String, a RowNode, or null. */
  public record Field(String name, Object value) {}
}
