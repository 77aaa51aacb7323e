package io.leadgate.salesforce.soql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The only way Leadgate puts a value into a SOSL search: each value becomes a quoted phrase with
 * every reserved character escaped, so input can never add operators or end the FIND clause.
 */
public final class Sosl {

  private static final String RESERVED = "?&|!{}[]()^~*:\\\"'+-";

  private Sosl() {}

  /** {@code "value"} with SOSL's reserved characters escaped by a backslash. */
  public static String phrase(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        if (RESERVED.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * Groups the values into FIND clauses of phrases joined by OR, each clause's text at most {@code
   * maxChars} long, keeping every value.
   */
  public static List<String> findClauses(Collection<String> values, int maxChars) {
    List<String> clauses = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String value : values) {
      String phrase = phrase(value);
      if (phrase.length() > maxChars) {
        throw new IllegalArgumentException("A single value is longer than " + maxChars + " chars");
      }
      if (current.length() > 0 && current.length() + 4 + phrase.length() > maxChars) {
        clauses.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(" OR ");
      }
      current.append(phrase);
    }
    if (current.length() > 0) {
      clauses.add(current.toString());
    }
    return clauses;
  }
}
