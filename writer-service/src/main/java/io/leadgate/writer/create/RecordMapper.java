package io.leadgate.writer.create;

import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.LeadDetails;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.writer.WriterProperties.CaptureValue;
import io.leadgate.writer.WriterProperties.FieldRule;
import io.leadgate.writer.WriterProperties.FieldValue;
import io.leadgate.writer.WriterProperties.TeamSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a cleared capture into the Lead or Contact to create, by the team's field mapping. Pure:
 * the same capture and settings always give the same record.
 */
final class RecordMapper {

  /** Salesforce requires a Lead's Company; a capture without one still becomes a Lead. */
  static final String NO_COMPANY = "[not provided]";

  private final String personKeyField;
  private final List<FieldRule> standardFields;
  private final List<FieldValue> standardDefaults;

  RecordMapper(String personKeyField, String linkedinField, String leadSource) {
    this.personKeyField = personKeyField;
    this.standardFields =
        List.of(
            new FieldRule(null, "FirstName", CaptureValue.FIRST_NAME),
            new FieldRule(null, "LastName", CaptureValue.LAST_NAME),
            new FieldRule(null, "Email", CaptureValue.EMAIL),
            new FieldRule(null, "Phone", CaptureValue.PHONE),
            new FieldRule(null, "Title", CaptureValue.TITLE),
            new FieldRule(null, linkedinField, CaptureValue.LINKEDIN_URL),
            new FieldRule("Lead", "Company", CaptureValue.COMPANY));
    this.standardDefaults = List.of(new FieldValue(null, "LeadSource", leadSource));
  }

  static String objectOf(LeadCleared lead) {
    return lead.target() == RecordTarget.CONTACT ? "Contact" : "Lead";
  }

  /**
   * The record for this capture; {@code accountId} (Contacts only) may be null. The person key is
   * always set, whatever the mapping says: it is what keeps the person unique.
   */
  NewRecord toRecord(LeadCleared lead, TeamSettings team, String accountId) {
    String object = objectOf(lead);
    List<FieldRule> rules = team.fields().isEmpty() ? standardFields : team.fields();
    List<FieldValue> defaults = new ArrayList<>(standardDefaults);
    defaults.addAll(team.defaults());
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldRule rule : rules) {
      if (appliesTo(rule.object(), object)) {
        put(fields, rule.field(), value(lead, rule.from()));
      }
    }
    for (FieldValue value : defaults) {
      if (appliesTo(value.object(), object)) {
        put(fields, value.field(), value.value());
      }
    }
    if (object.equals("Lead")) {
      fields.putIfAbsent("Company", NO_COMPANY);
    } else if (accountId != null) {
      fields.put("AccountId", accountId);
    }
    fields.put(personKeyField, lead.personKey());
    return new NewRecord(object, fields);
  }

  private static boolean appliesTo(String ruleObject, String object) {
    return ruleObject == null || ruleObject.isBlank() || ruleObject.equalsIgnoreCase(object);
  }

  private static String value(LeadCleared lead, CaptureValue from) {
    LeadDetails d = lead.lead();
    return switch (from) {
      case FIRST_NAME -> d.firstName();
      case LAST_NAME -> d.lastName();
      case EMAIL -> d.email() == null ? null : d.email().strip();
      case PHONE -> d.phone();
      case COMPANY -> d.company();
      case TITLE -> d.title();
      case LINKEDIN_URL -> d.linkedinUrl();
      case CAPTURED_BY -> lead.capturedBy();
      case CAPTURE_ID -> lead.captureId();
    };
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value.strip());
    }
  }
}
