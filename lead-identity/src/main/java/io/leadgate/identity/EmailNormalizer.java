package io.leadgate.identity;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Canonical form of an e-mail address: trimmed, lower case, domain in ASCII (punycode).
 *
 * <p>Lower-casing the local part is technically lossy (RFC 5321 lets it be case sensitive), but no
 * mainstream provider treats it so, and a rep re-typing "Ada@" as "ada@" must not create a second
 * lead. Plus-tag folding is a per-team choice because some teams sell to people who deliberately
 * use tagged addresses as separate identities.
 */
public final class EmailNormalizer {

  private static final int MAX_LOCAL = 64;
  private static final int MAX_DOMAIN = 253;
  // Longer than any legal address; rejecting early bounds the work on hostile input.
  private static final int MAX_RAW = 1_024;
  private static final String FORBIDDEN_IN_LOCAL = "()<>[]\\,;:\"@";

  private final boolean foldPlusTags;

  /**
   * @param foldPlusTags whether "ada+news@x.com" is the same person as "ada@x.com"
   */
  public EmailNormalizer(boolean foldPlusTags) {
    this.foldPlusTags = foldPlusTags;
  }

  public boolean foldsPlusTags() {
    return foldPlusTags;
  }

  /** The canonical address, or empty when the input is blank or not an address. */
  public Optional<String> normalize(String raw) {
    if (raw == null || raw.length() > MAX_RAW) {
      return Optional.empty();
    }
    String s = Inputs.stripPadding(raw);
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = Inputs.stripPadding(s.substring(7));
    }
    int at = s.indexOf('@');
    // Quoted local parts may legally contain '@', but they never come out of a capture form; a
    // second '@' is far more likely a paste accident than such an address.
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1) {
      return Optional.empty();
    }
    Optional<String> local = local(s.substring(0, at));
    Optional<String> domain = domain(s.substring(at + 1));
    if (local.isEmpty() || domain.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(local.get() + "@" + domain.get());
  }

  private Optional<String> local(String raw) {
    String local = Normalizer.normalize(raw.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    if (foldPlusTags) {
      int plus = local.indexOf('+');
      // "+tag@x" has nothing before the tag to fold to, so it is kept whole.
      if (plus > 0) {
        local = local.substring(0, plus);
      }
    }
    if (local.isEmpty()
        || local.length() > MAX_LOCAL
        || local.startsWith(".")
        || local.endsWith(".")
        || local.contains("..")) {
      return Optional.empty();
    }
    for (int i = 0; i < local.length(); ) {
      int cp = local.codePointAt(i);
      if (!isAllowedInLocal(cp)) {
        return Optional.empty();
      }
      i += Character.charCount(cp);
    }
    return Optional.of(local);
  }

  private static boolean isAllowedInLocal(int cp) {
    if (cp < 0x80) {
      return cp > 0x20 && cp != 0x7f && FORBIDDEN_IN_LOCAL.indexOf(cp) < 0;
    }
    // Internationalised local parts (RFC 6531) are allowed, but not invisible or unassigned code
    // points, which would make two visually identical addresses different keys.
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }

  private static Optional<String> domain(String raw) {
    String domain = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (ascii.length() > MAX_DOMAIN || ascii.indexOf('.') < 0) {
      // A dot-less domain ("ada@localhost") is legal but never a prospect's address.
      return Optional.empty();
    }
    for (String label : ascii.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }
}
