package io.leadgate.emulator;

import java.util.Objects;

/**
 * A custom field declared on an org, beyond the standard fields.
 *
 * @param sobjectType Lead, Contact or Account
 * @param name API name ending in {@code __c}
 * @param label label used in error messages; defaults to the name without the suffix
 * @param type one of Text, TextArea, Url, Email, Phone, Checkbox, Number, Date, DateTime
 * @param length maximum length for text types (default 255)
 * @param unique whether values must be unique (DUPLICATE_VALUE otherwise)
 * @param caseSensitive whether uniqueness compares case-sensitively
 * @param externalId whether the field is an external id
 */
public record CustomFieldSpec(
    String sobjectType,
    String name,
    String label,
    String type,
    int length,
    boolean unique,
    boolean caseSensitive,
    boolean externalId) {

  public CustomFieldSpec {
    Objects.requireNonNull(sobjectType, "sobjectType");
    Objects.requireNonNull(name, "name");
    if (!name.endsWith("__c")) {
      throw new IllegalArgumentException("custom field names end in __c: " + name);
    }
    if (label == null) {
      label = name.substring(0, name.length() - 3).replace('_', ' ');
    }
    if (type == null) {
      type = "Text";
    }
    if (length <= 0) {
      length = 255;
    }
  }

  /** A plain text field of the given length. */
  public static CustomFieldSpec text(String sobjectType, String name, int length) {
    return new CustomFieldSpec(sobjectType, name, null, "Text", length, false, false, false);
  }
}
