package io.leadgate.salesforce.soql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The only way Leadgate puts a value into SOQL. Every literal goes through {@link #quote}, which
 * applies Salesforce's quoted-string escapes, so hostile input (quotes, backslashes, newlines) can
 * never change the shape of a query.
 */
public final class Soql {

  private Soql() {}

  /** A string literal, quotes included: {@code O'Brien} becomes {@code 'O\'Brien'}. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    appendEscaped(out, value, false);
    return out.append('\'').toString();
  }

  /**
   * A LIKE pattern literal matching {@code value} literally somewhere in the field: the wildcards
   * {@code %} and {@code _} in the value are escaped too.
   */
  public static String quoteLikeContains(String value) {
    StringBuilder out = new StringBuilder(value.length() + 4).append("'%");
    appendEscaped(out, value, true);
    return out.append("%'").toString();
  }

  /** {@code field IN ('a','b')} for the given values, each escaped. */
  public static String in(String field, Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    StringBuilder out = new StringBuilder(field).append(" IN (");
    boolean first = true;
    for (String value : values) {
      if (!first) {
        out.append(',');
      }
      out.append(quote(value));
      first = false;
    }
    return out.append(')').toString();
  }

  /**
   * Splits values into chunks whose quoted, comma-separated form stays within {@code maxChars}, so
   * that an IN clause built from each chunk keeps the whole statement under Salesforce's
   * query-length limit.
   */
  public static List<List<String>> chunkForIn(Collection<String> values, int maxChars) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int length = 0;
    for (String value : values) {
      int cost = quote(value).length() + 1;
      if (cost > maxChars) {
        throw new IllegalArgumentException("A single value is longer than " + maxChars + " chars");
      }
      if (length + cost > maxChars && !current.isEmpty()) {
        chunks.add(current);
        current = new ArrayList<>();
        length = 0;
      }
      current.add(value);
      length += cost;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private static void appendEscaped(StringBuilder out, String value, boolean like) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '%' -> out.append(like ? "\\%" : "%");
        case '_' -> out.append(like ? "\\_" : "_");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
