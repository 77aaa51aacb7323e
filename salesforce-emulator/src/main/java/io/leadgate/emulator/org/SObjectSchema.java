package io.leadgate.emulator.org;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The shape of one emulated sObject type: its fields, key prefix and naming rules. */
public final class SObjectSchema {

  private final String name;
  private final String keyPrefix;
  private final boolean createable;
  private final boolean nameComputed;
  private final Map<String, FieldDef> fieldsByLowerName = new LinkedHashMap<>();
  private final Map<String, FieldDef> referencesByLowerRelationship = new LinkedHashMap<>();

  SObjectSchema(
      String name,
      String keyPrefix,
      boolean createable,
      boolean nameComputed,
      List<FieldDef> fields) {
    this.name = name;
    this.keyPrefix = keyPrefix;
    this.createable = createable;
    this.nameComputed = nameComputed;
    for (FieldDef field : fields) {
      fieldsByLowerName.put(lower(field.name()), field);
      if (field.relationshipName() != null) {
        referencesByLowerRelationship.put(lower(field.relationshipName()), field);
      }
    }
  }

  public String name() {
    return name;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  /** False for objects the emulator does not let the API create (User). */
  public boolean createable() {
    return createable;
  }

  /** True when Name is derived from FirstName and LastName, as for Lead, Contact and User. */
  public boolean nameComputed() {
    return nameComputed;
  }

  /** Looks a field up case-insensitively, as the API does. */
  public Optional<FieldDef> field(String fieldName) {
    return Optional.ofNullable(fieldsByLowerName.get(lower(fieldName)));
  }

  /** Finds the reference field behind a relationship name (Owner -> OwnerId). */
  public Optional<FieldDef> relationship(String relationshipName) {
    return Optional.ofNullable(referencesByLowerRelationship.get(lower(relationshipName)));
  }

  public List<FieldDef> fields() {
    return Collections.unmodifiableList(new ArrayList<>(fieldsByLowerName.values()));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
