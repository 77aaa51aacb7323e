package io.leadgate.emulator.soql;

/**
 * A query that Salesforce would reject, with the fault it would answer: the exception code, the
 * fault type of the SOAP detail and the position Salesforce reports.
 */
public final class SoqlException extends RuntimeException {

  private final String exceptionCode;
  private final String faultType;
  private final int row;
  private final int column;

  public SoqlException(
      String exceptionCode, String faultType, int row, int column, String fullMessage) {
    super(fullMessage);
    this.exceptionCode = exceptionCode;
    this.faultType = faultType;
    this.row = row;
    this.column = column;
  }

  /** MALFORMED_QUERY with Salesforce's echo of the query line and a caret under the column. */
  static SoqlException malformed(String query, int row, int column, String detail) {
    return new SoqlException(
        "MALFORMED_QUERY", "MalformedQueryFault", row, column, located(query, row, column, detail));
  }

  /** MALFORMED_QUERY as the lexer reports it: "line R:C ..." with a zero-based column. */
  static SoqlException lexical(int row, int column, String detail) {
    return new SoqlException(
        "MALFORMED_QUERY",
        "MalformedQueryFault",
        row,
        column,
        "line " + row + ":" + (column - 1) + " " + detail);
  }

  static SoqlException invalidField(String query, int row, int column, String detail) {
    return new SoqlException(
        "INVALID_FIELD", "InvalidFieldFault", row, column, located(query, row, column, detail));
  }

  static SoqlException invalidType(String query, int row, int column, String type) {
    return new SoqlException(
        "INVALID_TYPE",
        "InvalidSObjectFault",
        row,
        column,
        located(
            query,
            row,
            column,
            "sObject type '"
                + type
                + "' is not supported. If you are attempting to use a custom object, be sure to"
                + " append the '__c' after the entity name. Please reference your WSDL or the"
                + " describe call for the appropriate names."));
  }

  public String exceptionCode() {
    return exceptionCode;
  }

  /** The SOAP fault detail type, e.g. MalformedQueryFault. */
  public String faultType() {
    return faultType;
  }

  public int row() {
    return row;
  }

  public int column() {
    return column;
  }

  private static String located(String query, int row, int column, String detail) {
    String[] lines = query.split("\r\n|\r|\n", -1);
    String line = row >= 1 && row <= lines.length ? lines[row - 1] : "";
    return "\n"
        + line
        + "\n"
        + " ".repeat(Math.max(0, column - 1))
        + "^\nERROR at Row:"
        + row
        + ":Column:"
        + column
        + "\n"
        + detail;
  }
}
