package io.leadgate.identity;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Canonical form of a LinkedIn member profile URL.
 *
 * <ul>
 *   <li>Vanity profiles: {@code linkedin.com/in/<slug>}.
 *   <li>Legacy public profiles: {@code linkedin.com/pub/<name>/<a>/<b>/<c>}. LinkedIn redirects
 *       these to an {@code /in/} URL, but the rewrite rule is undocumented; guessing it wrong would
 *       merge two different people, whereas keeping the legacy form only risks a missed match that
 *       the e-mail, phone or name keys can still catch.
 * </ul>
 *
 * <p>Scheme, {@code www.}, {@code m.} and two-letter country hosts, port, trailing slash, extra
 * path segments after the slug (locale, "details/..."), query and fragment are dropped; the slug is
 * percent-decoded and lower-cased. Company pages, search results, short links ({@code lnkd.in}) and
 * {@code /profile/view?id=} links do not identify a member by path, so they are empty.
 */
public final class LinkedInUrlNormalizer {

  private static final String CANONICAL_HOST = "linkedin.com";
  private static final int MAX_RAW = 2_048;
  // LinkedIn caps custom URLs at 100 characters; the margin allows for legacy non-ASCII slugs.
  private static final int MAX_SEGMENT = 200;

  private static final Pattern SCHEME =
      Pattern.compile("^(?:https?:)?//", Pattern.CASE_INSENSITIVE);
  private static final Pattern HOST =
      Pattern.compile("^(?:(?:www|m|mobile|[a-z]{2})\\.)?linkedin\\.com$");
  private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");

  /** The canonical profile URL (no scheme), or empty when the input is not a member profile. */
  public Optional<String> normalize(String raw) {
    if (raw == null || raw.length() > MAX_RAW) {
      return Optional.empty();
    }
    String s = Inputs.stripPadding(raw);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        return Optional.empty();
      }
    }
    s = SCHEME.matcher(s).replaceFirst("");
    int hostEnd = indexOfAny(s, "/?#");
    String host = hostEnd < 0 ? s : s.substring(0, hostEnd);
    host = PORT.matcher(host).replaceFirst("").toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!HOST.matcher(host).matches() || hostEnd < 0) {
      return Optional.empty();
    }
    String rest = s.substring(hostEnd);
    int pathEnd = indexOfAny(rest, "?#");
    String path = pathEnd < 0 ? rest : rest.substring(0, pathEnd);

    List<String> segments = new ArrayList<>();
    for (String encoded : path.split("/")) {
      if (encoded.isEmpty()) {
        continue;
      }
      Optional<String> decoded = decodeSegment(encoded);
      if (decoded.isEmpty()) {
        return Optional.empty();
      }
      segments.add(decoded.get());
    }
    if (segments.size() >= 2 && segments.get(0).equals("in")) {
      return Optional.of(CANONICAL_HOST + "/in/" + segments.get(1));
    }
    if (segments.size() >= 5 && segments.get(0).equals("pub") && !segments.get(1).equals("dir")) {
      return Optional.of(CANONICAL_HOST + "/pub/" + String.join("/", segments.subList(1, 5)));
    }
    return Optional.empty();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Percent-decodes (UTF-8, '+' kept literally as in a path), lower-cases and NFC-normalises one
   * segment. Empty when malformed or when decoding produced a character that would change the
   * meaning of the canonical form on a second pass ('/', '?', '#', '%').
   */
  private static Optional<String> decodeSegment(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isSurrogate(c)) {
          // A surrogate pair must be encoded together, not char by char.
          if (Character.isHighSurrogate(c)
              && i + 1 < encoded.length()
              && Character.isLowSurrogate(encoded.charAt(i + 1))) {
            utf8 = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
            i++;
          } else {
            return Optional.empty();
          }
        }
        bytes.writeBytes(utf8);
      }
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    String segment = Normalizer.normalize(decoded.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    if (segment.isEmpty() || segment.length() > MAX_SEGMENT) {
      return Optional.empty();
    }
    for (int i = 0; i < segment.length(); ) {
      int cp = segment.codePointAt(i);
      if ("/?#%\\".indexOf(cp) >= 0
          || Character.isWhitespace(cp)
          || Character.isSpaceChar(cp)
          || Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.UNASSIGNED) {
        return Optional.empty();
      }
      i += Character.charCount(cp);
    }
    return Optional.of(segment);
  }
}
