package io.leadgate.identity;

/** Helpers for raw form input. */
final class Inputs {

  private Inputs() {}

  /**
   * Like {@link String#strip()}, but also removes no-break spaces, byte-order marks and zero-width
   * or direction marks, which arrive at either end of values copied from web pages and are
   * invisible to the rep who pasted them.
   */
  static String stripPadding(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPadding(s.charAt(start))) {
      start++;
    }
    while (end > start && isPadding(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isPadding(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200b'
        || c == '\u200e'
        || c == '\u200f'
        || c == '\ufeff';
  }
}
