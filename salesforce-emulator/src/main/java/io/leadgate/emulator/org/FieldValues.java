package io.leadgate.emulator.org;

import io.leadgate.emulator.id.SalesforceIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Converts between the emulator's typed field values (String, Boolean, Instant, LocalDate, Double)
 * and what arrives over the wire or from seed files, and formats values the way Salesforce writes
 * them in SOAP responses.
 */
public final class FieldValues {

  private static final DateTimeFormatter SALESFORCE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FieldValues() {}

  /**
   * Converts a raw value to the field's Java type; blank text becomes null, because Salesforce
   * stores empty strings as null.
   *
   * @throws IllegalArgumentException when the value cannot be converted
   */
  public static Object coerce(FieldDef field, Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof String s && s.isEmpty()) {
      return null;
    }
    return switch (field.type()) {
      case BOOLEAN -> toBoolean(raw);
      case DATETIME -> toInstant(raw);
      case DATE -> toDate(raw);
      case DOUBLE -> toDouble(raw);
      case ID, REFERENCE -> toId(raw);
      default -> raw.toString();
    };
  }

  /** Formats a value as Salesforce writes it in SOAP and REST payloads. */
  public static String format(Object value) {
    if (value instanceof Instant instant) {
      return SALESFORCE_DATETIME.format(instant);
    }
    if (value instanceof Double d) {
      return d.toString();
    }
    return String.valueOf(value);
  }

  public static Instant parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return ZonedDateTime.parse(text).toInstant();
    }
  }

  private static Boolean toBoolean(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String s = raw.toString().trim();
    if (s.equalsIgnoreCase("true") || s.equals("1")) {
      return true;
    }
    if (s.equalsIgnoreCase("false") || s.equals("0")) {
      return false;
    }
    throw new IllegalArgumentException("value not of required type: " + raw);
  }

  private static Instant toInstant(Object raw) {
    if (raw instanceof Instant i) {
      return i;
    }
    if (raw instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (raw instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (raw instanceof Date d) {
      return d.toInstant();
    }
    try {
      return parseDateTime(raw.toString().trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("value not of required type: " + raw, e);
    }
  }

  private static LocalDate toDate(Object raw) {
    if (raw instanceof LocalDate d) {
      return d;
    }
    try {
      String s = raw.toString().trim();
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("value not of required type: " + raw, e);
    }
  }

  private static Double toDouble(Object raw) {
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.valueOf(raw.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value not of required type: " + raw, e);
    }
  }

  private static String toId(Object raw) {
    return SalesforceIds.canonical(raw.toString().trim())
        .orElseThrow(() -> new IllegalArgumentException("id value of incorrect type: " + raw));
  }
}
