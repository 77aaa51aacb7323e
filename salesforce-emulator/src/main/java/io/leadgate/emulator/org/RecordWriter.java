package io.leadgate.emulator.org;

import io.leadgate.emulator.id.SalesforceIds;
import java.time.Instant;
import java.util.ArrayList;
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

  public RecordWriter(OrgState org) {
    this.org = org;
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
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> notCreateable = new ArrayList<>();
    for (Map.Entry<String, Object> entry : incoming.values().entrySet()) {
      FieldDef field = schema.field(entry.getKey()).orElseThrow();
      if (field.name().equals("Id")) {
        return SaveOutcome.failed(
            new SaveError(
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                "cannot specify Id in an insert call",
                List.of()));
      }
      if (!field.createable()) {
        notCreateable.add(field.name());
        continue;
      }
      Object value;
      try {
        value = FieldValues.coerce(field, entry.getValue());
      } catch (IllegalArgumentException e) {
        String code = field.type().isId() ? "MALFORMED_ID" : "INVALID_TYPE_ON_FIELD_IN_RECORD";
        return fieldError(code, field, e.getMessage());
      }
      values.put(field.name(), value);
    }
    if (!notCreateable.isEmpty()) {
      return SaveOutcome.failed(
          new SaveError(
              "INVALID_FIELD_FOR_INSERT_UPDATE",
              "Unable to create/update fields: "
                  + String.join(", ", notCreateable)
                  + ". Please check the security settings of this field and verify that it is"
                  + " read/write for your profile or permission set.",
              notCreateable));
    }
    for (String nulled : incoming.fieldsToNull()) {
      schema.field(nulled).ifPresent(f -> values.put(f.name(), null));
    }
    Optional<SaveOutcome> invalid = checkValues(schema, values);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    applyDefaults(schema, values, runningUserId);
    List<String> missing = new ArrayList<>();
    for (FieldDef field : schema.fields()) {
      if (field.requiredOnCreate() && values.get(field.name()) == null) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      return SaveOutcome.failed(
          new SaveError(
              "REQUIRED_FIELD_MISSING",
              "Required fields are missing: [" + String.join(", ", missing) + "]",
              missing));
    }
    Optional<SaveOutcome> badReference = checkReferences(schema, values);
    if (badReference.isPresent()) {
      return badReference.get();
    }
    Optional<SaveOutcome> duplicate = checkUnique(schema, values);
    if (duplicate.isPresent()) {
      return duplicate.get();
    }
    return SaveOutcome.saved(insert(schema, values, runningUserId));
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
    Optional<SaveOutcome> duplicate = checkUnique(schema, values);
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

  private Optional<SaveOutcome> checkUnique(SObjectSchema schema, Map<String, Object> values) {
    for (FieldDef field : schema.fields()) {
      Object value = values.get(field.name());
      if (!field.unique() || value == null) {
        continue;
      }
      Optional<String> existing = org.store().findUnique(schema.name(), field, value);
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
    if (schema.nameComputed()) {
      Object first = record.get("FirstName");
      Object last = record.get("LastName");
      String name = (first == null ? "" : first + " ") + (last == null ? "" : last);
      record.put("Name", name.isBlank() ? null : name.trim());
    }
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

  private static SaveOutcome fieldError(String code, FieldDef field, String detail) {
    return SaveOutcome.failed(
        new SaveError(code, field.label() + ": " + detail, List.of(field.name())));
  }
}
