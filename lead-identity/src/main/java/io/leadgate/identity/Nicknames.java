package io.leadgate.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The nickname table, loaded once from {@code nicknames.tsv}.
 *
 * <p>It lives in a resource rather than code so that the list can grow without touching logic, and
 * it is validated at load so that a bad edit fails every test instead of silently breaking
 * idempotence.
 */
final class Nicknames {

  static final String RESOURCE = "nicknames.tsv";

  private static final Map<String, String> TABLE = load();

  private Nicknames() {}

  /** The canonical first name for a folded token, or the token itself. */
  static String canonical(String foldedToken) {
    return TABLE.getOrDefault(foldedToken, foldedToken);
  }

  static Map<String, String> table() {
    return TABLE;
  }

  private static Map<String, String> load() {
    try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource io/leadgate/identity/" + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> parse(BufferedReader reader) throws IOException {
    Map<String, String> table = new HashMap<>();
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalStateException(
            RESOURCE + ":" + lineNo + ": expected 2 tab-separated columns");
      }
      String nickname = TextFolding.fold(cols[0]);
      String canonical = TextFolding.fold(cols[1]);
      if (nickname.isEmpty()
          || canonical.isEmpty()
          || nickname.contains(" ")
          || canonical.contains(" ")) {
        throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected single words");
      }
      String previous = table.put(nickname, canonical);
      if (previous != null && !previous.equals(canonical)) {
        throw new IllegalStateException(
            RESOURCE
                + ":"
                + lineNo
                + ": "
                + nickname
                + " maps to both "
                + previous
                + " and "
                + canonical);
      }
    }
    for (Map.Entry<String, String> e : table.entrySet()) {
      if (table.containsKey(e.getValue())) {
        throw new IllegalStateException(
            RESOURCE
                + ": chain "
                + e.getKey()
                + " -> "
                + e.getValue()
                + " -> "
                + table.get(e.getValue()));
      }
    }
    return Map.copyOf(table);
  }
}
