package io.leadgate.emulator.org;

import io.leadgate.emulator.id.SalesforceIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies Salesforce's field rules when records are created through the API, and the lighter rules
 * of seeding (ids, defaults and uniqueness only).
 */
public final class RecordWriter {

  // Salesforce accepts most RFC 5322 local parts but needs a dotted domain.
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

  private final OrgState org;
  private final DuplicateRules duplicates;

  public RecordWriter(OrgState org) {
    this(org, DuplicateRules.Header.DEFAULT);
  }

  /** A writer whose creates and updates honour the caller's DuplicateRuleHeader. */
  public RecordWriter(OrgState org, DuplicateRules.Header duplicateHeader) {
    this.org = org;
    this.duplicates = new DuplicateRules(org, duplicateHeader);
  }

  /**
   * Creates records one after the other, as Salesforce reports them: positionally, each either
   * saved or failed. Must run inside {@link OrgState#locked}; unknown types and fields must have
   * been rejected by the caller, since Salesforce fails the whole call for those.
   */
  public List<SaveOutcome> create(List<IncomingRecord> records, String runningUserId) {
    List<SaveOutcome> outcomes = new ArrayList<>(records.size());
    for (IncomingRecord record : records) {
      outcomes.add(createOne(record, runningUserId));
    }
    return outcomes;
  }

  private SaveOutcome createOne(IncomingRecord incoming, String runningUserId) {
    SObjectSchema schema = org.schema().find(incoming.type()).orElseThrow();
    if (!schema.createable()) {
      return SaveOutcome.failed(
          new SaveError(
              "INVALID_TYPE_FOR_OPERATION",
              "entity type cannot be inserted: " + schema.name(),
              List.of()));
    }
    if (incoming.values().get("Id") != null) {
      return SaveOutcome.failed(
          new SaveError(
              "INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", List.of()));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Optional<SaveOutcome> badValue = convert(schema, incoming, values);
    if (badValue.isPresent()) {
      return badValue.get();
    }
    applyDefaults(schema, values, runningUserId);
    Optional<SaveOutcome> invalid = validate(schema, values, null);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Optional<SaveOutcome> duplicate = duplicates.check(schema, values, null);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    return SaveOutcome.saved(insert(schema, values, runningUserId));
  }

  /**
   * Updates records by their Id, positionally. Must run inside {@link OrgState#locked}; unknown
   * types and fields must have been rejected by the caller.
   */
  public List<SaveOutcome> update(List<IncomingRecord> records, String runningUserId) {
    List<SaveOutcome> outcomes = new ArrayList<>(records.size());
    for (IncomingRecord record : records) {
      outcomes.add(updateOne(record, runningUserId));
    }
    return outcomes;
  }

  private SaveOutcome updateOne(IncomingRecord incoming, String runningUserId) {
    SObjectSchema schema = org.schema().find(incoming.type()).orElseThrow();
    Object rawId = incoming.values().get("Id");
    if (rawId == null || rawId.toString().isBlank()) {
      return SaveOutcome.failed(
          new SaveError("MISSING_ARGUMENT", "Id not specified in an update call", List.of()));
    }
    Optional<String> id =
        SalesforceIds.canonical(rawId.toString().trim())
            .filter(i -> i.startsWith(schema.keyPrefix()));
    if (id.isEmpty()) {
      return SaveOutcome.failed(
          new SaveError(
              "MALFORMED_ID",
              schema.field("Id").orElseThrow().label() + ": id value of incorrect type: " + rawId,
              List.of("Id")));
    }
    if (!schema.createable()) {
      return SaveOutcome.failed(
          new SaveError(
              "INVALID_TYPE_FOR_OPERATION",
              "entity type cannot be updated: " + schema.name(),
              List.of()));
    }
    Optional<Map<String, Object>> existing = org.store().byId(id.get());
    if (existing.isEmpty()) {
      return SaveOutcome.failed(new SaveError("ENTITY_IS_DELETED", "entity is deleted", List.of()));
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    IncomingRecord withoutId =
        new IncomingRecord(
            incoming.type(), withoutKey(incoming.values(), "Id"), incoming.fieldsToNull());
    Optional<SaveOutcome> badValue = convert(schema, withoutId, changes);
    if (badValue.isPresent()) {
      return badValue.get();
    }
    Map<String, Object> merged = new LinkedHashMap<>(existing.get());
    merged.putAll(changes);
    Optional<SaveOutcome> invalid = validate(schema, merged, id.get());
    if (invalid.isPresent()) {
      return invalid.get();
    }
    Optional<SaveOutcome> duplicate = duplicates.check(schema, merged, id.get());
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    Instant now = org.clock().instant();
    merged.put("LastModifiedDate", now);
    merged.put("SystemModstamp", now);
    merged.put("LastModifiedById", runningUserId);
    computeName(schema, merged);
    org.store().replace(schema.name(), merged);
    return SaveOutcome.saved(id.get());
  }

  /** The result of upserting one record. */
  public record UpsertOutcome(boolean created, SaveOutcome outcome) {}

  /**
   * Upserts records keyed by an external-id field (or Id): one match updates it, none creates a
   * record, several fail with DUPLICATE_EXTERNAL_ID; a key given twice in the batch fails both
   * records with DUPLICATE_VALUE. Must run inside {@link OrgState#locked}.
   */
  public List<UpsertOutcome> upsert(
      List<IncomingRecord> records, FieldDef key, String runningUserId) {
    Map<String, Integer> keyCounts = new HashMap<>();
    List<String> keys = new ArrayList<>();
    for (IncomingRecord record : records) {
      Object raw = record.values().get(key.name());
      String normalised = raw == null || raw.toString().isBlank() ? null : normaliseKey(key, raw);
      keys.add(normalised);
      if (normalised != null) {
        keyCounts.merge(record.type() + "/" + normalised, 1, Integer::sum);
      }
    }
    List<UpsertOutcome> outcomes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      IncomingRecord record = records.get(i);
      SObjectSchema schema = org.schema().find(record.type()).orElseThrow();
      String normalised = keys.get(i);
      if (normalised == null) {
        outcomes.add(
            new UpsertOutcome(
                false,
                SaveOutcome.failed(
                    new SaveError(
                        "MISSING_ARGUMENT", key.name() + " not specified", List.of(key.name())))));
        continue;
      }
      if (keyCounts.get(record.type() + "/" + normalised) > 1) {
        outcomes.add(
            new UpsertOutcome(
                false,
                SaveOutcome.failed(
                    new SaveError(
                        "DUPLICATE_VALUE",
                        "Duplicate external id specified: " + record.values().get(key.name()),
                        List.of(key.name())))));
        continue;
      }
      List<String> matches = new ArrayList<>();
      for (Map<String, Object> existing : org.store().all(schema.name())) {
        Object value = existing.get(key.name());
        if (value != null && normaliseKey(key, value).equals(normalised)) {
          matches.add((String) existing.get("Id"));
        }
      }
      if (matches.size() > 1) {
        outcomes.add(
            new UpsertOutcome(
                false,
                SaveOutcome.failed(
                    new SaveError(
                        "DUPLICATE_EXTERNAL_ID",
                        key.label()
                            + ": more than one record found for external id field: "
                            + matches.stream().map(SalesforceIds::to15).toList(),
                        List.of(key.name())))));
      } else if (matches.size() == 1) {
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put("Id", matches.get(0));
        outcomes.add(
            new UpsertOutcome(
                false,
                updateOne(
                    new IncomingRecord(record.type(), values, record.fieldsToNull()),
                    runningUserId)));
      } else if (key.name().equals("Id")) {
        outcomes.add(
            new UpsertOutcome(
                false,
                SaveOutcome.failed(
                    new SaveError("ENTITY_IS_DELETED", "entity is deleted", List.of()))));
      } else {
        SaveOutcome created = createOne(record, runningUserId);
        outcomes.add(new UpsertOutcome(created.success(), created));
      }
    }
    return outcomes;
  }

  private static String normaliseKey(FieldDef key, Object raw) {
    if (key.type().isId()) {
      return SalesforceIds.canonical(raw.toString().trim()).orElse(raw.toString().trim());
    }
    String s = FieldValues.format(raw).trim();
    return key.caseSensitive() ? s : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, Object> withoutKey(Map<String, Object> values, String key) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.remove(key);
    return copy;
  }

  /** Converts the client's values into {@code values}; a failure for the first bad field. */
  private Optional<SaveOutcome> convert(
      SObjectSchema schema, IncomingRecord incoming, Map<String, Object> values) {
    List<String> notWritable = new ArrayList<>();
    for (Map.Entry<String, Object> entry : incoming.values().entrySet()) {
      FieldDef field = schema.field(entry.getKey()).orElseThrow();
      if (!field.createable()) {
        notWritable.add(field.name());
        continue;
      }
      Object value;
      try {
        value = FieldValues.coerce(field, entry.getValue());
      } catch (IllegalArgumentException e) {
        String code = field.type().isId() ? "MALFORMED_ID" : "INVALID_TYPE_ON_FIELD_IN_RECORD";
        return Optional.of(fieldError(code, field, e.getMessage()));
      }
      values.put(field.name(), value);
    }
    if (!notWritable.isEmpty()) {
      return Optional.of(
          SaveOutcome.failed(
              new SaveError(
                  "INVALID_FIELD_FOR_INSERT_UPDATE",
                  "Unable to create/update fields: "
                      + String.join(", ", notWritable)
                      + ". Please check the security settings of this field and verify that it is"
                      + " read/write for your profile or permission set.",
                  notWritable)));
    }
    for (String nulled : incoming.fieldsToNull()) {
      schema.field(nulled).ifPresent(f -> values.put(f.name(), null));
    }
    return Optional.empty();
  }

  /** Value, required-field, reference and unique checks, in Salesforce's order. */
  private Optional<SaveOutcome> validate(
      SObjectSchema schema, Map<String, Object> values, String selfId) {
    Optional<SaveOutcome> invalid = checkValues(schema, values);
    if (invalid.isPresent()) {
      return invalid;
    }
    List<String> missing = new ArrayList<>();
    for (FieldDef field : schema.fields()) {
      if (field.requiredOnCreate() && values.get(field.name()) == null) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      return Optional.of(
          SaveOutcome.failed(
              new SaveError(
                  "REQUIRED_FIELD_MISSING",
                  "Required fields are missing: [" + String.join(", ", missing) + "]",
                  missing)));
    }
    Optional<SaveOutcome> badReference = checkReferences(schema, values);
    if (badReference.isPresent()) {
      return badReference;
    }
    return checkUnique(schema, values, selfId);
  }

  /**
   * Seeds one record with ids, defaults and audit fields filled in, skipping API validation. Must
   * run inside {@link OrgState#locked}.
   *
   * @throws IllegalArgumentException for unknown types or fields, unconvertible values, or a value
   *     that breaks a unique field (the store cannot hold that state)
   */
  public String seed(String type, Map<String, ?> fields) {
    SObjectSchema schema =
        org.schema()
            .find(type)
            .orElseThrow(() -> new IllegalArgumentException("unknown sObject type " + type));
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : fields.entrySet()) {
      FieldDef field =
          schema
              .field(entry.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "No such column '"
                              + entry.getKey()
                              + "' on entity '"
                              + schema.name()
                              + "'"));
      values.put(field.name(), FieldValues.coerce(field, entry.getValue()));
    }
    String runningUser = org.integrationUserId();
    applyDefaults(schema, values, runningUser);
    Optional<SaveOutcome> duplicate = checkUnique(schema, values, null);
    if (duplicate.isPresent()) {
      throw new IllegalArgumentException(duplicate.get().errors().get(0).message());
    }
    Object givenId = values.get("Id");
    if (givenId != null && org.store().byId((String) givenId).isPresent()) {
      throw new IllegalArgumentException("a record with id " + givenId + " already exists");
    }
    if (givenId != null && !((String) givenId).startsWith(schema.keyPrefix())) {
      throw new IllegalArgumentException(
          schema.name() + " ids start with " + schema.keyPrefix() + ": " + givenId);
    }
    return insert(schema, values, runningUser);
  }

  private Optional<SaveOutcome> checkValues(SObjectSchema schema, Map<String, Object> values) {
    for (FieldDef field : schema.fields()) {
      Object value = values.get(field.name());
      if (!(value instanceof String text)) {
        continue;
      }
      if (field.length() > 0 && text.length() > field.length() && !field.type().isId()) {
        return Optional.of(
            fieldError(
                "STRING_TOO_LONG",
                field,
                "data value too large: " + text + " (max length=" + field.length() + ")"));
      }
      if (field.type() == FieldType.EMAIL && !EMAIL.matcher(text).matches()) {
        return Optional.of(
            fieldError("INVALID_EMAIL_ADDRESS", field, "invalid email address: " + text));
      }
    }
    return Optional.empty();
  }

  private Optional<SaveOutcome> checkReferences(SObjectSchema schema, Map<String, Object> values) {
    for (FieldDef field : schema.fields()) {
      Object value = values.get(field.name());
      if (field.type() != FieldType.REFERENCE || value == null) {
        continue;
      }
      String id = (String) value;
      String expectedPrefix =
          org.schema().find(field.referenceTo()).map(SObjectSchema::keyPrefix).orElse("");
      if (!id.startsWith(expectedPrefix)) {
        return Optional.of(
            fieldError("FIELD_INTEGRITY_EXCEPTION", field, "id value of incorrect type: " + id));
      }
      if (org.store().byId(id).isEmpty()) {
        return Optional.of(
            SaveOutcome.failed(
                new SaveError(
                    "INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id",
                    List.of(field.name()))));
      }
    }
    return Optional.empty();
  }

  private Optional<SaveOutcome> checkUnique(
      SObjectSchema schema, Map<String, Object> values, String selfId) {
    for (FieldDef field : schema.fields()) {
      Object value = values.get(field.name());
      if (!field.unique() || value == null) {
        continue;
      }
      Optional<String> existing =
          org.store().findUnique(schema.name(), field, value).filter(id -> !id.equals(selfId));
      if (existing.isPresent()) {
        return Optional.of(
            SaveOutcome.failed(
                new SaveError(
                    "DUPLICATE_VALUE",
                    "duplicate value found: "
                        + field.name()
                        + " duplicates value on record with id: "
                        + SalesforceIds.to15(existing.get()),
                    List.of())));
      }
    }
    return Optional.empty();
  }

  private void applyDefaults(
      SObjectSchema schema, Map<String, Object> values, String runningUserId) {
    for (FieldDef field : schema.fields()) {
      if (values.get(field.name()) == null && field.defaultValue() != null) {
        values.put(field.name(), field.defaultValue());
      }
    }
    if (schema.field("OwnerId").isPresent() && values.get("OwnerId") == null) {
      values.put("OwnerId", runningUserId);
    }
  }

  private String insert(SObjectSchema schema, Map<String, Object> values, String runningUserId) {
    Instant now = org.clock().instant();
    String id = (String) values.get("Id");
    if (id == null) {
      id = org.ids().next(schema.keyPrefix());
    }
    Map<String, Object> record = new LinkedHashMap<>();
    for (FieldDef field : schema.fields()) {
      record.put(field.name(), values.get(field.name()));
    }
    record.put("Id", id);
    computeName(schema, record);
    // Seeds may backdate CreatedDate to model old records; the API path never sets it.
    if (record.get("CreatedDate") == null) {
      record.put("CreatedDate", now);
    }
    if (record.get("LastModifiedDate") == null) {
      record.put("LastModifiedDate", record.get("CreatedDate"));
    }
    if (record.get("SystemModstamp") == null) {
      record.put("SystemModstamp", record.get("LastModifiedDate"));
    }
    String creator = runningUserId == null ? id : runningUserId;
    if (record.get("CreatedById") == null) {
      record.put("CreatedById", creator);
    }
    if (record.get("LastModifiedById") == null) {
      record.put("LastModifiedById", creator);
    }
    org.store().insert(schema.name(), record);
    return id;
  }

  private static void computeName(SObjectSchema schema, Map<String, Object> record) {
    if (schema.nameComputed()) {
      Object first = record.get("FirstName");
      Object last = record.get("LastName");
      String name = (first == null ? "" : first + " ") + (last == null ? "" : last);
      record.put("Name", name.isBlank() ? null : name.trim());
    }
  }

  private static SaveOutcome fieldError(String code, FieldDef field, String detail) {
    return SaveOutcome.failed(
        new SaveError(code, field.label() + ": " + detail, List.of(field.name())));
  }
}
