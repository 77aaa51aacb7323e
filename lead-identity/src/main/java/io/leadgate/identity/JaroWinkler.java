package io.leadgate.identity;

import java.util.Arrays;

/**
 * Jaro-Winkler similarity on char arrays, giving exactly the values of commons-text's {@code
 * JaroWinklerSimilarity} (a property test holds the two together). Fuzzy matching scores each
 * capture against hundreds of candidates, and the library's generic version boxes every character
 * it compares: under a burst that was a quarter of dedup-service's CPU.
 */
final class JaroWinkler {

  private static final double BOOST_FROM = 0.7;
  private static final double PREFIX_SCALE = 0.1;
  private static final int MAX_PREFIX = 4;

  private JaroWinkler() {}

  /** Similarity in [0, 1]; 1.0 for equal arrays. */
  static double similarity(char[] first, char[] second) {
    if (Arrays.equals(first, second)) {
      return 1.0;
    }
    // The shorter array looks for its characters in a window of the longer one; on equal lengths
    // the second is searched, as the library does (the choice can change the transpositions).
    char[] longer = first.length > second.length ? first : second;
    char[] shorter = longer == first ? second : first;
    int window = Math.max(longer.length / 2 - 1, 0);
    boolean[] shorterMatched = new boolean[shorter.length];
    boolean[] longerMatched = new boolean[longer.length];
    int matches = 0;
    for (int s = 0; s < shorter.length; s++) {
      char c = shorter[s];
      int end = Math.min(s + window + 1, longer.length);
      for (int l = Math.max(s - window, 0); l < end; l++) {
        if (!longerMatched[l] && c == longer[l]) {
          shorterMatched[s] = true;
          longerMatched[l] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int halfTranspositions = 0;
    for (int s = 0, l = 0; s < shorter.length; s++) {
      if (!shorterMatched[s]) {
        continue;
      }
      while (!longerMatched[l]) {
        l++;
      }
      if (shorter[s] != longer[l]) {
        halfTranspositions++;
      }
      l++;
    }
    int prefix = 0;
    for (int i = 0, n = Math.min(MAX_PREFIX, shorter.length); i < n; i++) {
      if (first[i] != second[i]) {
        break;
      }
      prefix++;
    }
    double m = matches;
    double jaro =
        (m / first.length + m / second.length + (m - (double) halfTranspositions / 2) / m) / 3;
    return jaro < BOOST_FROM ? jaro : jaro + PREFIX_SCALE * prefix * (1.0 - jaro);
  }
}
