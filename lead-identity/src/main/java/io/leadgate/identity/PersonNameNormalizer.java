package io.leadgate.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Comparable forms of a person's names: lower case, accents stripped, punctuation turned into
 * single spaces (apostrophes and dots inside initials removed), and for first names, nicknames
 * mapped to one canonical name ("Bob" and "Robbie" both become "robert") from {@code
 * nicknames.tsv}.
 *
 * <p>Honorifics before a first name and generational suffixes after a last name are dropped because
 * reps type them inconsistently; a name consisting only of such a word is kept, since dropping it
 * would leave nothing to compare.
 */
public final class PersonNameNormalizer {

  private static final Set<String> HONORIFICS =
      Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame");
  private static final Set<String> GENERATIONAL = Set.of("jr", "sr", "ii", "iii", "iv", "phd");

  /** Folds any name part (case, accents, punctuation, whitespace); no nickname mapping. */
  public Optional<String> normalize(String raw) {
    String folded = TextFolding.fold(raw);
    return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
  }

  /** A first name, folded, honorifics dropped and its first word mapped through the nicknames. */
  public Optional<String> normalizeFirst(String raw) {
    return firstWithoutNickname(raw).map(PersonNameNormalizer::withNickname);
  }

  /** The first name folded and without honorifics, still spelled as typed (for typo scoring). */
  Optional<String> firstWithoutNickname(String raw) {
    List<String> tokens = tokens(raw);
    while (tokens.size() > 1 && HONORIFICS.contains(tokens.get(0))) {
      tokens.remove(0);
    }
    return tokens.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", tokens));
  }

  /** Maps the first word of folded text through the nickname table. */
  static String withNickname(String folded) {
    int space = folded.indexOf(' ');
    String head = space < 0 ? folded : folded.substring(0, space);
    String canonical = Nicknames.canonical(head);
    return canonical.equals(head) ? folded : canonical + folded.substring(head.length());
  }

  /** A last name, folded, with generational suffixes ("Jr.", "III") dropped. */
  public Optional<String> normalizeLast(String raw) {
    List<String> tokens = tokens(raw);
    while (tokens.size() > 1 && GENERATIONAL.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", tokens));
  }

  private static List<String> tokens(String raw) {
    String folded = TextFolding.fold(raw);
    return folded.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(folded.split(" ")));
  }
}
