package io.leadgate.emulator.soap;

/**
 * A SOAP fault as Salesforce sends it: an exception code from the 65.0 ExceptionCode enum, the
 * detail type WSC maps to an exception class, and for query faults the row and column.
 */
public final class SoapFault extends RuntimeException {

  private final String exceptionCode;
  private final String faultType;
  private final Integer row;
  private final Integer column;

  public SoapFault(String exceptionCode, String faultType, String message) {
    this(exceptionCode, faultType, message, null, null);
  }

  public SoapFault(
      String exceptionCode, String faultType, String message, Integer row, Integer column) {
    super(message);
    this.exceptionCode = exceptionCode;
    this.faultType = faultType;
    this.row = row;
    this.column = column;
  }

  static SoapFault unexpected(String exceptionCode, String message) {
    return new SoapFault(exceptionCode, "UnexpectedErrorFault", message);
  }

  static SoapFault invalidSession() {
    return unexpected(
        "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
  }

  /** A fault with no Salesforce detail, e.g. for XML Salesforce could not even read. */
  static SoapFault client(String message) {
    return new SoapFault(null, null, message);
  }

  public String exceptionCode() {
    return exceptionCode;
  }

  public String faultType() {
    return faultType;
  }

  public Integer row() {
    return row;
  }

  public Integer column() {
    return column;
  }
}
