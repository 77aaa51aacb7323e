package io.leadgate.emulator.org;

/**
 * One field of an emulated sObject.
 *
 * @param name canonical API name, as responses spell it
 * @param label label used in Salesforce's field-level error messages ("Last Name: data value...")
 * @param length maximum length for text fields, 0 when not limited
 * @param createable whether the API may set the field on create
 * @param requiredOnCreate whether create fails with REQUIRED_FIELD_MISSING when it is blank
 * @param unique whether values must be unique (DUPLICATE_VALUE otherwise)
 * @param caseSensitive whether uniqueness compares case-sensitively
 * @param externalId whether the field can key an upsert
 * @param defaultValue value filled in on create when none is given, or null
 * @param referenceTo object a REFERENCE field points to, or null
 * @param relationshipName name of the parent relationship for REFERENCE fields (Owner for OwnerId)
 * @param relationshipType the sObject type written as {@code sf:type} of the nested parent; "Name"
 *     for polymorphic lookups such as Lead.Owner, which may also point at a queue
 */
public record FieldDef(
    String name,
    String label,
    FieldType type,
    int length,
    boolean createable,
    boolean requiredOnCreate,
    boolean unique,
    boolean caseSensitive,
    boolean externalId,
    Object defaultValue,
    String referenceTo,
    String relationshipName,
    String relationshipType) {

  static FieldDef text(String name, String label, FieldType type, int length) {
    return new FieldDef(
        name, label, type, length, true, false, false, false, false, null, null, null, null);
  }

  static FieldDef readOnly(String name, String label, FieldType type, int length) {
    return new FieldDef(
        name, label, type, length, false, false, false, false, false, null, null, null, null);
  }

  static FieldDef reference(
      String name, String label, String referenceTo, String relationship, String relType) {
    return new FieldDef(
        name,
        label,
        FieldType.REFERENCE,
        18,
        true,
        false,
        false,
        false,
        false,
        null,
        referenceTo,
        relationship,
        relType);
  }

  FieldDef required() {
    return new FieldDef(
        name,
        label,
        type,
        length,
        createable,
        true,
        unique,
        caseSensitive,
        externalId,
        defaultValue,
        referenceTo,
        relationshipName,
        relationshipType);
  }

  FieldDef readOnly() {
    return new FieldDef(
        name,
        label,
        type,
        length,
        false,
        requiredOnCreate,
        unique,
        caseSensitive,
        externalId,
        defaultValue,
        referenceTo,
        relationshipName,
        relationshipType);
  }

  FieldDef withDefault(Object value) {
    return new FieldDef(
        name,
        label,
        type,
        length,
        createable,
        requiredOnCreate,
        unique,
        caseSensitive,
        externalId,
        value,
        referenceTo,
        relationshipName,
        relationshipType);
  }
}
