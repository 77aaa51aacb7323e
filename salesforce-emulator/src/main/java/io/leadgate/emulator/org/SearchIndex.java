package io.leadgate.emulator.org;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words and phone digits of every stored record's searchable fields, so a SOSL search looks up
 * the few records that can hold a term instead of matching every term against every record: a
 * batch's search carries a few hundred terms, and an org holds tens of thousands of records.
 *
 * <p>The index only narrows: it returns a superset of the records a term can match, and the search
 * still matches the term against each of them as before. A word of a text field is a maximal run of
 * letters and digits of its lower-case value, exactly where a whole-word term match must begin and
 * end, so every run of letters and digits in a term is a word of any field the term matches. Phone
 * fields are also indexed by every {@value #PHONE_WINDOW}-digit run of their digits, which any
 * number of at least that many digits contained in them starts with. Not thread-safe: {@link
 * RecordStore} keeps it, under the org's lock.
 */
final class SearchIndex {

  static final int PHONE_WINDOW = 7;

  // type -> word (or "#" + digits) -> ids holding it, each once
  private final Map<String, Map<String, List<String>>> byType = new HashMap<>();

  void add(SObjectSchema schema, Map<String, Object> record) {
    Map<String, List<String>> index = byType.computeIfAbsent(schema.name(), t -> new HashMap<>());
    String id = (String) record.get("Id");
    for (String key : keys(schema, record)) {
      List<String> ids = index.computeIfAbsent(key, k -> new ArrayList<>(2));
      if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
        ids.add(id);
      }
    }
  }

  void remove(SObjectSchema schema, Map<String, Object> record) {
    Map<String, List<String>> index = byType.get(schema.name());
    if (index == null) {
      return;
    }
    Object id = record.get("Id");
    for (String key : keys(schema, record)) {
      List<String> ids = index.get(key);
      if (ids != null) {
        ids.remove(id);
        if (ids.isEmpty()) {
          index.remove(key);
        }
      }
    }
  }

  void clear(String type) {
    byType.remove(type);
  }

  /**
   * The ids of the records of {@code type} whose searchable fields may hold {@code term} as a whole
   * word, or empty when the index cannot tell (wildcards, escapes, a term without letters or
   * digits): then every record must be matched.
   */
  Optional<List<String>> mayHoldWord(String type, String term) {
    if (term.indexOf('*') >= 0 || term.indexOf('?') >= 0 || term.indexOf('\\') >= 0) {
      return Optional.empty();
    }
    List<String> words = words(term.toLowerCase(Locale.ROOT));
    if (words.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> index = byType.getOrDefault(type, Map.of());
    List<String> fewest = null;
    for (String word : words) {
      List<String> ids = index.getOrDefault(word, List.of());
      if (fewest == null || ids.size() < fewest.size()) {
        fewest = ids;
      }
    }
    return Optional.of(List.copyOf(fewest));
  }

  /**
   * The ids of the records of {@code type} whose phone fields' digits may contain {@code digits},
   * or empty when the number is too short for the index.
   */
  Optional<List<String>> mayHoldPhoneDigits(String type, String digits) {
    if (digits.length() < PHONE_WINDOW) {
      return Optional.empty();
    }
    return Optional.of(
        List.copyOf(
            byType
                .getOrDefault(type, Map.of())
                .getOrDefault("#" + digits.substring(0, PHONE_WINDOW), List.of())));
  }

  private static List<String> keys(SObjectSchema schema, Map<String, Object> record) {
    List<String> keys = new ArrayList<>();
    for (FieldDef field : schema.fields()) {
      Object value = record.get(field.name());
      if (value == null || !field.type().isText() || field.type().isId()) {
        continue;
      }
      keys.addAll(words(FieldValues.format(value).toLowerCase(Locale.ROOT)));
      if (field.type() == FieldType.PHONE) {
        String digits = value.toString().replaceAll("[^0-9]", "");
        for (int i = 0; i + PHONE_WINDOW <= digits.length(); i++) {
          keys.add("#" + digits.substring(i, i + PHONE_WINDOW));
        }
      }
    }
    return keys;
  }

  /** The maximal runs of letters and digits, as SOSL's whole-word matching delimits them. */
  static List<String> words(String lowerCase) {
    List<String> words = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < lowerCase.length()) {
      int cp = lowerCase.codePointAt(i);
      boolean wordChar = Character.isLetter(cp) || isNumber(cp);
      if (wordChar && start < 0) {
        start = i;
      } else if (!wordChar && start >= 0) {
        words.add(lowerCase.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      words.add(lowerCase.substring(start));
    }
    return words;
  }

  private static boolean isNumber(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
