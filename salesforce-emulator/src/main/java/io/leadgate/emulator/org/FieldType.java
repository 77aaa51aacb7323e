package io.leadgate.emulator.org;

/** The field types of the emulated objects, named after describe's soapType/type values. */
public enum FieldType {
  ID,
  REFERENCE,
  STRING,
  TEXTAREA,
  EMAIL,
  PHONE,
  URL,
  PICKLIST,
  BOOLEAN,
  DATETIME,
  DATE,
  DOUBLE;

  /** True for types whose values are text and compare as text (including ids). */
  public boolean isText() {
    return switch (this) {
      case BOOLEAN, DATETIME, DATE, DOUBLE -> false;
      default -> true;
    };
  }

  /** True for types holding record ids, whose literals are normalised to 18 characters. */
  public boolean isId() {
    return this == ID || this == REFERENCE;
  }
}
