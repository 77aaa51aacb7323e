package io.leadgate.bench.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** A prospect as a rep would capture it; null fields are left out of the request. */
record Person(
    String firstName,
    String lastName,
    String email,
    String phone,
    String company,
    String title,
    String linkedinUrl) {

  /** The capture request body fields of docs/capture-api.yaml. */
  Map<String, Object> captureFields(String capturedBy) {
    Map<String, Object> fields = new LinkedHashMap<>();
    put(fields, "firstName", firstName);
    put(fields, "lastName", lastName);
    put(fields, "email", email);
    put(fields, "phone", phone);
    put(fields, "company", company);
    put(fields, "title", title);
    put(fields, "linkedinUrl", linkedinUrl);
    put(fields, "capturedBy", capturedBy);
    return fields;
  }

  private static void put(Map<String, Object> fields, String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
