package io.leadgate.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Comparable form of a company name: folded like person names, "&amp;" read as "and", legal-form
 * suffixes removed from the end and a leading "The" removed. "The Acme Company, Inc." becomes
 * "acme".
 *
 * <p>Suffixes are only stripped from the end (a company called "Co-op Bank" keeps its "co") and
 * never down to nothing: a company literally named "The Company" keeps a word, because an empty
 * company would read as "unknown" and weaken matching rather than strengthen it.
 */
public final class CompanyNormalizer {

  static final Set<String> LEGAL_SUFFIXES =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "ltd",
          "limited",
          "gmbh",
          "mbh",
          "ag",
          "kg",
          "kgaa",
          "ug",
          "sa",
          "sas",
          "sarl",
          "srl",
          "spa",
          "sl",
          "bv",
          "nv",
          "plc",
          "corp",
          "corporation",
          "co",
          "company",
          "pty",
          "pte",
          "pvt",
          "oy",
          "oyj",
          "ab",
          "as",
          "asa",
          "aps",
          "kk",
          "se",
          "ulc",
          "lda",
          "ltda");

  /** The comparable company name, or empty when nothing but punctuation or spaces was given. */
  public Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String folded = TextFolding.fold(raw.replace("&", " and "));
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    List<String> tokens = new ArrayList<>(Arrays.asList(folded.split(" ")));
    // "The" first, so that "The Company" keeps "company" rather than "the".
    while (tokens.size() > 1 && tokens.get(0).equals("the")) {
      tokens.remove(0);
    }
    boolean stripped = false;
    while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(last(tokens))) {
      tokens.remove(tokens.size() - 1);
      stripped = true;
    }
    // "Smith & Co." leaves a dangling "and" once "co" is gone.
    if (stripped && tokens.size() > 1 && last(tokens).equals("and")) {
      tokens.remove(tokens.size() - 1);
      while (tokens.size() > 1 && LEGAL_SUFFIXES.contains(last(tokens))) {
        tokens.remove(tokens.size() - 1);
      }
    }
    return Optional.of(String.join(" ", tokens));
  }

  private static String last(List<String> tokens) {
    return tokens.get(tokens.size() - 1);
  }
}
