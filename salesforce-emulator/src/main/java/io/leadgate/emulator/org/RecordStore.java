package io.leadgate.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The records of one org. Records are field-name-to-value maps keyed by canonical field names;
 * unique fields are indexed so duplicate checks stay cheap for large seeded orgs. Not thread-safe:
 * {@link OrgState} serialises access.
 */
public final class RecordStore {

  private final SchemaCatalog schema;
  private final Map<String, LinkedHashMap<String, Map<String, Object>>> byType = new HashMap<>();
  private final Map<String, Map<String, Object>> byId = new HashMap<>();
  // type -> field -> normalised value -> id
  private final Map<String, Map<String, Map<String, String>>> uniqueIndex = new HashMap<>();
  private final SearchIndex searchIndex = new SearchIndex();
  // Insertion order of every id, so a few records can be listed in store order without a scan.
  private final Map<String, Long> sequence = new HashMap<>();
  private long inserted;

  public RecordStore(SchemaCatalog schema) {
    this.schema = schema;
  }

  /** Stores a complete record (it must carry its Id) and indexes its unique fields. */
  public void insert(String type, Map<String, Object> record) {
    String id = (String) record.get("Id");
    byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    byId.put(id, record);
    sequence.putIfAbsent(id, inserted++);
    SObjectSchema s = schemaOf(type);
    searchIndex.add(s, record);
    for (FieldDef field : s.fields()) {
      Object value = record.get(field.name());
      if (field.unique() && value != null) {
        index(type, field).put(normalise(field, value), id);
      }
    }
  }

  /** Replaces a stored record (same Id) and re-indexes its unique fields. */
  public void replace(String type, Map<String, Object> record) {
    String id = (String) record.get("Id");
    Map<String, Object> old = byId.get(id);
    SObjectSchema s = schemaOf(type);
    if (old != null) {
      searchIndex.remove(s, old);
      for (FieldDef field : s.fields()) {
        Object value = old.get(field.name());
        if (field.unique() && value != null) {
          index(type, field).remove(normalise(field, value), id);
        }
      }
    }
    insert(type, record);
  }

  /** The records of a type in insertion order (live maps; callers must not modify them). */
  public List<Map<String, Object>> all(String type) {
    LinkedHashMap<String, Map<String, Object>> records = byType.get(type);
    return records == null ? List.of() : new ArrayList<>(records.values());
  }

  /**
   * The records of a type among these ids, in insertion order: what {@link #all} lists, narrowed to
   * them. A search the index narrowed to a few records reads those, not the whole store.
   */
  public List<Map<String, Object>> inOrder(String type, Collection<String> ids) {
    LinkedHashMap<String, Map<String, Object>> records = byType.get(type);
    if (records == null) {
      return List.of();
    }
    List<String> present = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (records.containsKey(id)) {
        present.add(id);
      }
    }
    present.sort(Comparator.comparingLong(sequence::get));
    List<Map<String, Object>> inOrder = new ArrayList<>(present.size());
    present.forEach(id -> inOrder.add(records.get(id)));
    return inOrder;
  }

  public Optional<Map<String, Object>> byId(String id18) {
    return Optional.ofNullable(byId.get(id18));
  }

  /** Finds the record holding a value of a unique field, honouring its case sensitivity. */
  public Optional<String> findUnique(String type, FieldDef field, Object value) {
    return Optional.ofNullable(index(type, field).get(normalise(field, value)));
  }

  public void clear(String type) {
    LinkedHashMap<String, Map<String, Object>> removed = byType.remove(type);
    if (removed != null) {
      removed.keySet().forEach(byId::remove);
      removed.keySet().forEach(sequence::remove);
    }
    uniqueIndex.remove(type);
    searchIndex.clear(type);
  }

  /**
   * The ids of the records of a type that may hold a SOSL term as a whole word in a searchable
   * field (a superset), or empty when every record must be matched; see {@link SearchIndex}.
   */
  public Optional<List<String>> mayHoldWord(String type, String term) {
    return searchIndex.mayHoldWord(type, term);
  }

  /**
   * The ids of the records of a type whose phone fields' digits may contain these digits (a
   * superset), or empty when every record must be matched.
   */
  public Optional<List<String>> mayHoldPhoneDigits(String type, String digits) {
    return searchIndex.mayHoldPhoneDigits(type, digits);
  }

  public int count(String type) {
    LinkedHashMap<String, Map<String, Object>> records = byType.get(type);
    return records == null ? 0 : records.size();
  }

  private Map<String, String> index(String type, FieldDef field) {
    return uniqueIndex
        .computeIfAbsent(type, t -> new HashMap<>())
        .computeIfAbsent(field.name(), f -> new HashMap<>());
  }

  private SObjectSchema schemaOf(String type) {
    return schema.find(type).orElseThrow(() -> new IllegalArgumentException("unknown " + type));
  }

  private static String normalise(FieldDef field, Object value) {
    String s = FieldValues.format(value);
    return field.caseSensitive() ? s : s.toLowerCase(Locale.ROOT);
  }
}
