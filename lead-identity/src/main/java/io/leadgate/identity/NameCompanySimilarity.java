package io.leadgate.identity;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Confidence in [0, 1] that two (first, last, company) triples name the same person, for the
 * fallback match when two captures share no e-mail, LinkedIn or phone key.
 *
 * <p>Each part is normalised, then scored: 1.0 when equal (after nickname mapping for names, or as
 * a set of words for companies), {@value #INITIAL_SCORE} when one side is the initial(s) of the
 * other ("J." vs "John"), otherwise Jaro-Winkler rescaled so that {@value #JW_FLOOR} and below
 * count as 0. Raw Jaro-Winkler is too generous for short names ("john" vs "jane" is 0.7), which
 * would let two colleagues with the same surname match on surname and company alone.
 *
 * <p>Parts are combined as a weighted mean (first {@value #W_FIRST}, last {@value #W_LAST}, company
 * {@value #W_COMPANY}). A part unknown on both sides is left out; a part known on one side only
 * scores {@value #ONE_SIDED_SCORE}, since its absence is no evidence either way but must not be
 * mistaken for agreement. Fewer than two parts known on both sides score 0: a first name alone is
 * not an identity. First and last name swapped is also tried, at a {@value #TRANSPOSITION_FACTOR}
 * discount, because forms filled in by hand often get the order wrong.
 *
 * <p>The score is symmetric by construction and identical known inputs score exactly 1.0.
 */
public final class NameCompanySimilarity {

  static final double W_FIRST = 0.3;
  static final double W_LAST = 0.4;
  static final double W_COMPANY = 0.3;
  static final double INITIAL_SCORE = 0.9;
  static final double ONE_SIDED_SCORE = 0.5;
  static final double TRANSPOSITION_FACTOR = 0.95;
  static final double JW_FLOOR = 0.6;

  // Jaro-Winkler is quadratic in the worst case; no real name or company is this long.
  private static final int MAX_COMPARED = 128;

  private static final double BOUND_SLACK = 1e-9;

  private final PersonNameNormalizer names;
  private final CompanyNormalizer companies;

  public NameCompanySimilarity() {
    this(new PersonNameNormalizer(), new CompanyNormalizer());
  }

  public NameCompanySimilarity(PersonNameNormalizer names, CompanyNormalizer companies) {
    this.names = names;
    this.companies = companies;
  }

  /** Confidence in [0, 1] that both triples are the same person. */
  public double score(NameCompany a, NameCompany b) {
    return score(prepare(a), prepare(b));
  }

  /**
   * A triple normalised once, for scoring it against many others: normalising both sides again for
   * every pair (folding, nickname table, company suffixes) cost more than the scoring itself.
   */
  public Prepared prepare(NameCompany nc) {
    return new Prepared(parts(nc));
  }

  /** The same score as {@link #score(NameCompany, NameCompany)}, on prepared triples. */
  public double score(Prepared a, Prepared b) {
    double score =
        formula(
            a.parts,
            b.parts,
            NameCompanySimilarity::nameScore,
            companyScore(a.parts.company, b.parts.company));
    return Double.isNaN(score) ? 0.0 : Math.min(1.0, Math.max(0.0, score));
  }

  /** How two name parts compare: their score, or a bound of it. */
  @FunctionalInterface
  private interface NameComparison {
    double of(NameField x, NameField y);
  }

  /**
   * The score's formula over its parts, however they are compared: the straight weighted mean, or
   * first and last name swapped at a discount when both triples have both.
   */
  private static double formula(Parts pa, Parts pb, NameComparison names, double company) {
    double straight =
        combine(names.of(pa.first, pb.first), W_FIRST, names.of(pa.last, pb.last), W_LAST, company);
    double swapped = 0.0;
    if (pa.first != null && pa.last != null && pb.first != null && pb.last != null) {
      // Equal weights keep the swapped score symmetric in a and b.
      double w = (W_FIRST + W_LAST) / 2;
      swapped =
          TRANSPOSITION_FACTOR
              * combine(names.of(pa.first, pb.last), w, names.of(pa.last, pb.first), w, company);
    }
    return Math.max(straight, swapped);
  }

  /**
   * An upper bound of {@code score(a, b)} that reads only {@code a}'s names and {@code b}'s last
   * name, so one bound holds for every {@code b} sharing that last name: the blocking test that
   * lets a matcher skip whole groups of candidates without changing a single verdict.
   *
   * <p>Why it holds: with first name and company at their best (1.0), the straight score is at most
   * {@code 0.6 + 0.4 × last-name score} (a part unknown on both sides only raises the others'
   * weights when the last name is already perfect); a last name known on one side only caps it at
   * 0.8; unknown on both sides, nothing is bounded. The swapped score is at most {@code 0.95 ×
   * (0.65 + 0.35 × score(a's first, b's last))}. A name score is bounded through Jaro-Winkler:
   * matching characters are at most the characters both strings share (as multisets), so Jaro is at
   * most {@code (c/|x| + c/|y| + 1) / 3}, and the Winkler prefix bonus adds at most {@code 0.4 × (1
   * - Jaro)}.
   */
  public double upperBound(Prepared a, Prepared b) {
    Parts pa = a.parts;
    NameField bLast = b.parts.last;
    double straight;
    if (pa.last != null && bLast != null) {
      straight = (W_FIRST + W_COMPANY) + W_LAST * nameUpperBound(pa.last, bLast);
    } else if (pa.last == null && bLast == null) {
      straight = 1.0;
    } else {
      straight = W_FIRST + W_LAST * ONE_SIDED_SCORE + W_COMPANY;
    }
    double swapped = 0.0;
    if (pa.first != null && pa.last != null && bLast != null) {
      double w = (W_FIRST + W_LAST) / 2;
      swapped = TRANSPOSITION_FACTOR * (w + W_COMPANY + w * nameUpperBound(pa.first, bLast));
    }
    // A hair of slack: the bound and the score add up their terms in different orders.
    return Math.min(1.0, Math.max(straight, swapped) + BOUND_SLACK);
  }

  /** Whether {@code b} may reach the threshold against {@code a}; false only when it cannot. */
  public boolean mayMatch(Prepared a, Prepared b, MatchThreshold threshold) {
    return threshold.accepts(upperBound(a, b));
  }

  /**
   * An upper bound of {@code score(a, b)} from both whole triples, for the pairs the last-name
   * bound lets through (most of a block's members share the capture's last name and nothing else).
   * It is the score's own formula with each part's Jaro-Winkler replaced by its bound from shared
   * characters ({@link #jwUpperBound}): the weighted mean rises with each part's score, and a bound
   * keeps every part known or unknown as the score does, so it never falls below the score.
   * Sorted-character merges instead of Jaro-Winkler's window search make it several times cheaper.
   */
  public double pairUpperBound(Prepared a, Prepared b) {
    double bound =
        formula(
            a.parts,
            b.parts,
            NameCompanySimilarity::nameBound,
            companyUpperBound(a.parts.company, b.parts.company));
    return Math.min(1.0, bound + BOUND_SLACK);
  }

  /** Whether this pair may reach the threshold; false only when its score cannot. */
  public boolean mayMatchPair(Prepared a, Prepared b, MatchThreshold threshold) {
    return threshold.accepts(pairUpperBound(a, b));
  }

  /** Whether the pair scores at or above the team's threshold. */
  public boolean matches(NameCompany a, NameCompany b, MatchThreshold threshold) {
    return threshold.accepts(score(a, b));
  }

  /** A part's score: NaN when unknown on both sides, so that it is left out. */
  private static double combine(
      double first, double wFirst, double last, double wLast, double company) {
    double[] scores = {first, last, company};
    double[] weights = {wFirst, wLast, W_COMPANY};
    double weighted = 0.0;
    double total = 0.0;
    int bothKnown = 0;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        continue;
      }
      if (scores[i] != ONE_SIDED) {
        bothKnown++;
      }
      double s = scores[i] == ONE_SIDED ? ONE_SIDED_SCORE : scores[i];
      weighted += weights[i] * s;
      total += weights[i];
    }
    return bothKnown < 2 ? 0.0 : weighted / total;
  }

  // Sentinel for "known on one side only"; never a real score because real scores are in [0, 1].
  private static final double ONE_SIDED = -1.0;

  /** Called when at least one side is unknown. */
  private static double presence(Object x, Object y) {
    if (x == null && y == null) {
      return Double.NaN;
    }
    return ONE_SIDED;
  }

  private static double nameScore(NameField x, NameField y) {
    if (x == null || y == null) {
      return presence(x, y);
    }
    if (x.plain.equals(y.plain) || x.canonical.equals(y.canonical)) {
      return 1.0;
    }
    if (isInitialsOf(x.plain, y.plain) || isInitialsOf(y.plain, x.plain)) {
      return INITIAL_SCORE;
    }
    return rescale(Math.max(jw(x.plainCut, y.plainCut), jw(x.canonicalCut, y.canonicalCut)));
  }

  private static double nameBound(NameField x, NameField y) {
    return x == null || y == null ? presence(x, y) : nameUpperBound(x, y);
  }

  private static double companyUpperBound(CompanyField x, CompanyField y) {
    if (x == null || y == null) {
      return presence(x, y);
    }
    if (x.plain.equals(y.plain) || x.sortedWords.equals(y.sortedWords)) {
      return 1.0;
    }
    return rescale(
        Math.max(
            jwUpperBound(x.plainSorted, y.plainSorted),
            jwUpperBound(x.sortedWordsSorted, y.sortedWordsSorted)));
  }

  private static double companyScore(CompanyField x, CompanyField y) {
    if (x == null || y == null) {
      return presence(x, y);
    }
    if (x.plain.equals(y.plain)) {
      return 1.0;
    }
    if (x.sortedWords.equals(y.sortedWords)) {
      return 1.0;
    }
    return rescale(Math.max(jw(x.plainCut, y.plainCut), jw(x.sortedWordsCut, y.sortedWordsCut)));
  }

  /**
   * "j" of "john", "j r" of "john ronald": every word of short is one letter, a prefix in order.
   */
  private static boolean isInitialsOf(String shortForm, String longForm) {
    String[] initials = shortForm.split(" ");
    String[] words = longForm.split(" ");
    if (initials.length > words.length) {
      return false;
    }
    for (int i = 0; i < initials.length; i++) {
      if (initials[i].length() != 1
          || words[i].isEmpty()
          || words[i].charAt(0) != initials[i].charAt(0)) {
        return false;
      }
    }
    return !shortForm.equals(longForm);
  }

  private static String sortedWords(String s) {
    return String.join(" ", new TreeSet<>(Arrays.asList(s.split(" "))));
  }

  /**
   * Jaro-Winkler with its arguments in a fixed order (as strings compare), so the result cannot
   * depend on call order.
   */
  private static double jw(char[] a, char[] b) {
    return Arrays.compare(a, b) <= 0 ? JaroWinkler.similarity(a, b) : JaroWinkler.similarity(b, a);
  }

  /**
   * At least {@link #nameScore}: exact where the score is a rule, bounded where it is a distance.
   */
  private static double nameUpperBound(NameField x, NameField y) {
    if (x.plain.equals(y.plain) || x.canonical.equals(y.canonical)) {
      return 1.0;
    }
    if (isInitialsOf(x.plain, y.plain) || isInitialsOf(y.plain, x.plain)) {
      return INITIAL_SCORE;
    }
    return rescale(
        Math.max(
            jwUpperBound(x.plainChars, y.plainChars),
            jwUpperBound(x.canonicalChars, y.canonicalChars)));
  }

  /** At least {@link #jw} of the strings whose sorted characters these are. */
  private static double jwUpperBound(char[] x, char[] y) {
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    if (common == 0) {
      return 0.0;
    }
    double jaro = ((double) common / x.length + (double) common / y.length + 1.0) / 3.0;
    return Math.min(1.0, jaro + 0.4 * (1.0 - jaro));
  }

  /** The characters Jaro-Winkler compares: the first {@value #MAX_COMPARED}. */
  private static char[] cut(String s) {
    return (s.length() > MAX_COMPARED ? s.substring(0, MAX_COMPARED) : s).toCharArray();
  }

  /** The characters Jaro-Winkler compares, sorted. */
  private static char[] sorted(char[] cut) {
    char[] chars = cut.clone();
    Arrays.sort(chars);
    return chars;
  }

  private static double rescale(double jw) {
    return Math.max(0.0, (jw - JW_FLOOR) / (1.0 - JW_FLOOR));
  }

  private Parts parts(NameCompany nc) {
    if (nc == null) {
      return new Parts(null, null, null);
    }
    NameField first = names.firstWithoutNickname(nc.first()).map(NameField::of).orElse(null);
    NameField last = names.normalizeLast(nc.last()).map(NameField::of).orElse(null);
    CompanyField company = companies.normalize(nc.company()).map(CompanyField::of).orElse(null);
    return new Parts(first, last, company);
  }

  /**
   * @param plain folded spelling, compared for typos
   * @param canonical with its first word mapped through the nickname table, so "Bob" meets "Robert"
   *     whichever field it was typed in
   * @param plainChars the characters of {@code plain} Jaro-Winkler compares, sorted, for the bound
   * @param canonicalChars the same for {@code canonical}
   * @param plainCut the characters of {@code plain} Jaro-Winkler compares, in order
   * @param canonicalCut the same for {@code canonical}
   */
  private record NameField(
      String plain,
      String canonical,
      char[] plainChars,
      char[] canonicalChars,
      char[] plainCut,
      char[] canonicalCut) {
    static NameField of(String plain) {
      String canonical = PersonNameNormalizer.withNickname(plain);
      char[] plainCut = cut(plain);
      char[] canonicalCut = cut(canonical);
      return new NameField(
          plain, canonical, sorted(plainCut), sorted(canonicalCut), plainCut, canonicalCut);
    }
  }

  /**
   * A normalised company and its words in sorted order ("engines analytical"), each also as the
   * characters Jaro-Winkler compares, in order and sorted (for the bound).
   */
  private record CompanyField(
      String plain,
      String sortedWords,
      char[] plainCut,
      char[] sortedWordsCut,
      char[] plainSorted,
      char[] sortedWordsSorted) {
    static CompanyField of(String plain) {
      String sortedWords = NameCompanySimilarity.sortedWords(plain);
      char[] plainCut = cut(plain);
      char[] sortedWordsCut = cut(sortedWords);
      return new CompanyField(
          plain, sortedWords, plainCut, sortedWordsCut, sorted(plainCut), sorted(sortedWordsCut));
    }
  }

  private record Parts(NameField first, NameField last, CompanyField company) {}

  /**
   * A triple normalised for scoring, from {@link #prepare}. Its {@link #lastNameKey} groups triples
   * for which {@link #upperBound} gives one bound.
   */
  public static final class Prepared {

    private final Parts parts;

    private Prepared(Parts parts) {
      this.parts = parts;
    }

    /** The normalised last name, or null when there is none. */
    public String lastNameKey() {
      return parts.last == null ? null : parts.last.plain;
    }
  }
}
