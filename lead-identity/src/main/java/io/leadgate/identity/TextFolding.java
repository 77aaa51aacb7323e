package io.leadgate.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folding shared by the name and company normalisers, kept in one place so that a person's name
 * and their company compare under exactly the same rules.
 */
final class TextFolding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  // Apostrophes join rather than split: "O'Brien" and "OBrien" are the same surname, while
  // "O Brien" would turn one token into two and hurt the token rules.
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u02bb`\u00b4]");

  // Dots between single letters are abbreviations ("L.L.C.", "S.A.", "J.R."): joining them lets
  // the suffix and initials rules see one token. Other dots separate words ("acme.com").
  private static final Pattern ABBREVIATION_DOT =
      Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Beyond this, input is not a name anyone typed; cutting it keeps every step linear and cheap.
   */
  static final int MAX_INPUT = 4_096;

  private TextFolding() {}

  /** Lower-case, accent-free, punctuation-free text with single spaces; "" when nothing is left. */
  static String fold(String raw) {
    if (raw == null) {
      return "";
    }
    String s = raw.length() > MAX_INPUT ? raw.substring(0, MAX_INPUT) : raw;
    return isAscii(s) ? foldAscii(s) : foldAny(s);
  }

  /** {@link #fold} by its general rules, whatever the text; package-private for the tests. */
  static String foldAny(String s) {
    // Twice, because lower-casing can itself produce combining marks (e.g. U+0130 "İ").
    s = stripMarks(s);
    s = stripMarks(s.toLowerCase(Locale.ROOT));
    s = foldSpecialLetters(s);
    s = APOSTROPHES.matcher(s).replaceAll("");
    s = ABBREVIATION_DOT.matcher(s).replaceAll("");
    s = NOT_WORD.matcher(s).replaceAll(" ");
    return s.strip();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * The same result as {@link #foldAny} for ASCII text (which has no marks and no special letters),
   * in two passes over the characters instead of five regular-expression passes: most names and
   * companies are ASCII, and every capture's are folded by capture- and dedup-service.
   */
  static String foldAscii(String s) {
    char[] text = new char[s.length()];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '`') {
        continue;
      }
      text[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    StringBuilder out = new StringBuilder(n);
    boolean gap = false;
    for (int i = 0; i < n; i++) {
      char c = text[i];
      if (isAsciiLetter(c) || (c >= '0' && c <= '9')) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.append(c);
      } else if (!(c == '.' && isAbbreviationDot(text, n, i))) {
        gap = true;
      }
    }
    return out.toString();
  }

  // ABBREVIATION_DOT for ASCII, read on the text before any dot is removed, as replaceAll does.
  private static boolean isAbbreviationDot(char[] text, int n, int i) {
    return i >= 1
        && isAsciiLetter(text[i - 1])
        && (i < 2 || !isAsciiWordChar(text[i - 2]))
        && i + 1 < n
        && isAsciiLetter(text[i + 1])
        && (i + 2 >= n || !isAsciiWordChar(text[i + 2]));
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  // What \b counts as a word character, among ASCII: letters, digits and the underscore.
  private static boolean isAsciiWordChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private static String stripMarks(String s) {
    return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
  }

  // Letters that NFKD does not decompose but that people type interchangeably with ASCII.
  private static String foldSpecialLetters(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement =
          switch (c) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            default -> null;
          };
      if (replacement != null && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
