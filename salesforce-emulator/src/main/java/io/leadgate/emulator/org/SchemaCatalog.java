package io.leadgate.emulator.org;

import io.leadgate.emulator.CustomFieldSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The objects one org knows: the standard Lead, Contact, Account and User plus that org's custom
 * fields. Built per org because custom fields differ between orgs.
 */
public final class SchemaCatalog {

  public static final String LEAD = "Lead";
  public static final String CONTACT = "Contact";
  public static final String ACCOUNT = "Account";
  public static final String USER = "User";

  /** Custom fields every org gets unless its spec declares them differently. */
  public static List<CustomFieldSpec> defaultCustomFields() {
    List<CustomFieldSpec> fields = new ArrayList<>();
    for (String type : List.of(LEAD, CONTACT)) {
      fields.add(
          new CustomFieldSpec(
              type, "LinkedIn_URL__c", "LinkedIn URL", "Url", 255, false, false, false));
      fields.add(
          new CustomFieldSpec(
              type,
              "Leadgate_Person_Key__c",
              "Leadgate Person Key",
              "Text",
              100,
              true,
              false,
              true));
    }
    return fields;
  }

  private final Map<String, SObjectSchema> byLowerName = new LinkedHashMap<>();

  public SchemaCatalog(List<CustomFieldSpec> customFields) {
    Map<String, List<FieldDef>> custom = new LinkedHashMap<>();
    for (CustomFieldSpec spec : customFields) {
      String type = canonicalStandardType(spec.sobjectType());
      List<FieldDef> list = custom.computeIfAbsent(type, t -> new ArrayList<>());
      list.removeIf(f -> f.name().equalsIgnoreCase(spec.name()));
      list.add(toField(spec));
    }
    register(lead(custom.getOrDefault(LEAD, List.of())));
    register(contact(custom.getOrDefault(CONTACT, List.of())));
    register(account(custom.getOrDefault(ACCOUNT, List.of())));
    register(user());
  }

  /** Looks an object up case-insensitively. */
  public Optional<SObjectSchema> find(String sobjectType) {
    return sobjectType == null
        ? Optional.empty()
        : Optional.ofNullable(byLowerName.get(sobjectType.toLowerCase(Locale.ROOT)));
  }

  public List<SObjectSchema> all() {
    return List.copyOf(byLowerName.values());
  }

  private void register(SObjectSchema schema) {
    byLowerName.put(schema.name().toLowerCase(Locale.ROOT), schema);
  }

  private static String canonicalStandardType(String type) {
    for (String known : List.of(LEAD, CONTACT, ACCOUNT)) {
      if (known.equalsIgnoreCase(type)) {
        return known;
      }
    }
    throw new IllegalArgumentException("custom fields are supported on Lead, Contact and Account");
  }

  private static FieldDef toField(CustomFieldSpec spec) {
    FieldType type =
        switch (spec.type().toLowerCase(Locale.ROOT)) {
          case "text" -> FieldType.STRING;
          case "textarea" -> FieldType.TEXTAREA;
          case "url" -> FieldType.URL;
          case "email" -> FieldType.EMAIL;
          case "phone" -> FieldType.PHONE;
          case "checkbox" -> FieldType.BOOLEAN;
          case "number" -> FieldType.DOUBLE;
          case "date" -> FieldType.DATE;
          case "datetime" -> FieldType.DATETIME;
          default ->
              throw new IllegalArgumentException(
                  "unsupported custom field type " + spec.type() + " for " + spec.name());
        };
    int length = type.isText() ? spec.length() : 0;
    Object defaultValue = type == FieldType.BOOLEAN ? Boolean.FALSE : null;
    return new FieldDef(
        spec.name(),
        spec.label(),
        type,
        length,
        true,
        false,
        spec.unique(),
        spec.caseSensitive(),
        spec.externalId(),
        defaultValue,
        null,
        null,
        null);
  }

  private static List<FieldDef> auditFields() {
    return List.of(
        FieldDef.readOnly("CreatedDate", "Created Date", FieldType.DATETIME, 0),
        FieldDef.reference("CreatedById", "Created By ID", USER, "CreatedBy", USER).readOnly(),
        FieldDef.readOnly("LastModifiedDate", "Last Modified Date", FieldType.DATETIME, 0),
        FieldDef.reference("LastModifiedById", "Last Modified By ID", USER, "LastModifiedBy", USER)
            .readOnly(),
        FieldDef.readOnly("SystemModstamp", "System Modstamp", FieldType.DATETIME, 0),
        FieldDef.readOnly("IsDeleted", "Deleted", FieldType.BOOLEAN, 0).withDefault(false));
  }

  private static SObjectSchema lead(List<FieldDef> custom) {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.readOnly("Id", "Lead ID", FieldType.ID, 18));
    f.add(FieldDef.text("FirstName", "First Name", FieldType.STRING, 40));
    f.add(FieldDef.text("LastName", "Last Name", FieldType.STRING, 80).required());
    f.add(FieldDef.readOnly("Name", "Full Name", FieldType.STRING, 121));
    f.add(FieldDef.text("Company", "Company", FieldType.STRING, 255).required());
    f.add(FieldDef.text("Email", "Email", FieldType.EMAIL, 80));
    f.add(FieldDef.text("Phone", "Phone", FieldType.PHONE, 40));
    f.add(FieldDef.text("MobilePhone", "Mobile Phone", FieldType.PHONE, 40));
    f.add(FieldDef.text("Title", "Title", FieldType.STRING, 128));
    f.add(FieldDef.text("Website", "Website", FieldType.URL, 255));
    f.add(FieldDef.text("LeadSource", "Lead Source", FieldType.PICKLIST, 255));
    f.add(
        FieldDef.text("Status", "Status", FieldType.PICKLIST, 255)
            .withDefault("Open - Not Contacted"));
    f.add(FieldDef.text("IsConverted", "Converted", FieldType.BOOLEAN, 0).withDefault(false));
    // Lead owners may be queues, so the parent is the polymorphic Name pseudo-object.
    f.add(FieldDef.reference("OwnerId", "Owner ID", USER, "Owner", "Name"));
    f.addAll(auditFields());
    f.addAll(custom);
    return new SObjectSchema(LEAD, "00Q", true, true, f);
  }

  private static SObjectSchema contact(List<FieldDef> custom) {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.readOnly("Id", "Contact ID", FieldType.ID, 18));
    f.add(FieldDef.reference("AccountId", "Account ID", ACCOUNT, "Account", ACCOUNT));
    f.add(FieldDef.text("FirstName", "First Name", FieldType.STRING, 40));
    f.add(FieldDef.text("LastName", "Last Name", FieldType.STRING, 80).required());
    f.add(FieldDef.readOnly("Name", "Full Name", FieldType.STRING, 121));
    f.add(FieldDef.text("Email", "Email", FieldType.EMAIL, 80));
    f.add(FieldDef.text("Phone", "Business Phone", FieldType.PHONE, 40));
    f.add(FieldDef.text("MobilePhone", "Mobile Phone", FieldType.PHONE, 40));
    f.add(FieldDef.text("Title", "Title", FieldType.STRING, 128));
    f.add(FieldDef.text("LeadSource", "Lead Source", FieldType.PICKLIST, 255));
    f.add(FieldDef.reference("OwnerId", "Owner ID", USER, "Owner", USER));
    f.addAll(auditFields());
    f.addAll(custom);
    return new SObjectSchema(CONTACT, "003", true, true, f);
  }

  private static SObjectSchema account(List<FieldDef> custom) {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.readOnly("Id", "Account ID", FieldType.ID, 18));
    f.add(FieldDef.text("Name", "Account Name", FieldType.STRING, 255).required());
    f.add(FieldDef.text("Website", "Website", FieldType.URL, 255));
    f.add(FieldDef.text("Phone", "Account Phone", FieldType.PHONE, 40));
    f.add(FieldDef.text("Industry", "Industry", FieldType.PICKLIST, 255));
    f.add(FieldDef.reference("OwnerId", "Owner ID", USER, "Owner", USER));
    f.addAll(auditFields());
    f.addAll(custom);
    return new SObjectSchema(ACCOUNT, "001", true, false, f);
  }

  private static SObjectSchema user() {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.readOnly("Id", "User ID", FieldType.ID, 18));
    f.add(FieldDef.text("FirstName", "First Name", FieldType.STRING, 40));
    f.add(FieldDef.text("LastName", "Last Name", FieldType.STRING, 80).required());
    f.add(FieldDef.readOnly("Name", "Full Name", FieldType.STRING, 121));
    f.add(FieldDef.text("Email", "Email", FieldType.EMAIL, 128).required());
    f.add(FieldDef.text("Username", "Username", FieldType.STRING, 80).required());
    f.add(FieldDef.text("Title", "Title", FieldType.STRING, 80));
    f.add(FieldDef.text("IsActive", "Active", FieldType.BOOLEAN, 0).withDefault(true));
    f.addAll(auditFields());
    return new SObjectSchema(USER, "005", false, true, f);
  }
}
