package io.leadgate.emulator.id;

import java.util.Optional;

/**
 * Salesforce record id arithmetic: the 15-character case-sensitive form and the 18-character form
 * whose 3-character suffix encodes the case of the first 15 characters, so that case-insensitive
 * tools (spreadsheets, SOQL with sloppy casing) can still address a record.
 */
public final class SalesforceIds {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** Returns the 18-character form of a valid 15-character id. */
  public static String to18(String id15) {
    if (id15 == null || id15.length() != 15 || !isAlphanumeric(id15)) {
      throw new IllegalArgumentException("not a 15-character Salesforce id: " + id15);
    }
    return id15 + suffix(id15);
  }

  /**
   * Returns the canonical 18-character id for a 15- or 18-character input, or empty when the input
   * is not an id. An 18-character input is accepted in any letter case: its suffix says which
   * letters are upper case, which is exactly what lets Salesforce accept lower-cased 18-char ids.
   */
  public static Optional<String> canonical(String id) {
    if (id == null || !isAlphanumeric(id)) {
      return Optional.empty();
    }
    if (id.length() == 15) {
      return Optional.of(to18(id));
    }
    if (id.length() != 18) {
      return Optional.empty();
    }
    String suffix = id.substring(15).toUpperCase();
    char[] body = id.substring(0, 15).toCharArray();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = SUFFIX_ALPHABET.indexOf(suffix.charAt(chunk));
      if (bits < 0) {
        return Optional.empty();
      }
      for (int i = 0; i < 5; i++) {
        int pos = chunk * 5 + i;
        boolean upper = (bits & (1 << i)) != 0;
        char c = body[pos];
        if (upper && Character.isLetter(c)) {
          body[pos] = Character.toUpperCase(c);
        } else if (!upper && Character.isLetter(c)) {
          body[pos] = Character.toLowerCase(c);
        } else if (upper) {
          // A bit set for a digit cannot come from a real id.
          return Optional.empty();
        }
      }
    }
    return Optional.of(to18(new String(body)));
  }

  /** The first 15 characters of a canonical id, as Salesforce quotes ids in error messages. */
  public static String to15(String id) {
    return canonical(id)
        .map(c -> c.substring(0, 15))
        .orElseThrow(() -> new IllegalArgumentException("not a Salesforce id: " + id));
  }

  static String suffix(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }

  private static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
