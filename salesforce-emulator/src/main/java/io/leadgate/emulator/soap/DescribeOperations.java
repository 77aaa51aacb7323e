package io.leadgate.emulator.soap;

import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.FieldType;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.org.SchemaCatalog;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * describeSObject and describeGlobal for the emulated objects. Results carry the elements a client
 * needs to reason about objects and fields (names, labels, types, lengths, flags, picklist values,
 * references), always in the WSDL's sequence order, which WSC reads strictly; optional elements the
 * emulator has nothing meaningful for (layouts, scopes, formulas, help text) are left out.
 * Object-level flags describe what the emulator supports: no object is deletable (no delete call)
 * and User is read-only.
 */
final class DescribeOperations {

  /** The Master record type every object has when it defines no record types of its own. */
  static final String MASTER_RECORD_TYPE_ID = "012000000000000AAA";

  private static final String XSD = "http://www.w3.org/2001/XMLSchema";

  private static final Map<String, String[]> LABELS =
      Map.of(
          SchemaCatalog.LEAD, new String[] {"Lead", "Leads"},
          SchemaCatalog.CONTACT, new String[] {"Contact", "Contacts"},
          SchemaCatalog.ACCOUNT, new String[] {"Account", "Accounts"},
          SchemaCatalog.USER, new String[] {"User", "Users"});

  private static final List<String> LEAD_SOURCES =
      List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other");

  /** Picklist values of a standard org, keyed by "Object.Field"; the first listed is default. */
  private static final Map<String, List<String>> PICKLISTS =
      Map.of(
          "Lead.Status",
          List.of(
              "Open - Not Contacted",
              "Working - Contacted",
              "Closed - Converted",
              "Closed - Not Converted"),
          "Lead.LeadSource",
          LEAD_SOURCES,
          "Contact.LeadSource",
          LEAD_SOURCES,
          "Account.Industry",
          List.of(
              "Agriculture",
              "Apparel",
              "Banking",
              "Biotechnology",
              "Chemicals",
              "Communications",
              "Construction",
              "Consulting",
              "Education",
              "Electronics",
              "Energy",
              "Engineering",
              "Entertainment",
              "Environmental",
              "Finance",
              "Food & Beverage",
              "Government",
              "Healthcare",
              "Hospitality",
              "Insurance",
              "Machinery",
              "Manufacturing",
              "Media",
              "Not For Profit",
              "Recreation",
              "Retail",
              "Shipping",
              "Technology",
              "Telecommunications",
              "Transportation",
              "Utilities",
              "Other"));

  /** Picklists whose default is their first value (the others have no default). */
  private static final Set<String> DEFAULTED_PICKLISTS = Set.of("Lead.Status");

  /** Names of child relationships, keyed by "ChildObject.Field"; others have none. */
  private static final Map<String, String> CHILD_RELATIONSHIP_NAMES =
      Map.of("Contact.AccountId", "Contacts");

  /** Fields the platform sets on every insert. */
  private static final Set<String> SYSTEM_FIELDS =
      Set.of(
          "Id",
          "CreatedDate",
          "CreatedById",
          "LastModifiedDate",
          "LastModifiedById",
          "SystemModstamp",
          "IsDeleted");

  private DescribeOperations() {}

  static SoapOperation describeSObject(URI baseUrl) {
    return (request, session, body) -> {
      String type = SoapRequest.childText(request.operation(), "sObjectType");
      SchemaCatalog catalog = session.org().schema();
      SObjectSchema schema =
          catalog
              .find(type == null ? null : type.trim())
              .orElseThrow(
                  () ->
                      new SoapFault(
                          "INVALID_TYPE",
                          "InvalidSObjectFault",
                          "sObject type '" + type + "' is not supported."));
      body.start("describeSObjectResponse");
      writeDescribeSObject(body, catalog, schema, baseUrl);
      body.end();
    };
  }

  static SoapOperation describeGlobal() {
    return (request, session, body) -> {
      body.start("describeGlobalResponse").start("result");
      body.element("encoding", "UTF-8");
      body.element("maxBatchSize", 200);
      for (SObjectSchema schema : session.org().schema().all()) {
        body.start("sobjects");
        body.element("activateable", false);
        body.nil("associateEntityType");
        body.nil("associateParentEntity");
        body.element("createable", schema.createable());
        body.element("custom", false);
        body.element("customSetting", false);
        body.element("dataTranslationEnabled", false);
        body.element("deepCloneable", false);
        body.element("deletable", false);
        body.element("deprecatedAndHidden", false);
        body.element("feedEnabled", true);
        body.element("hasSubtypes", false);
        body.element("idEnabled", true);
        body.element("isInterface", false);
        body.element("isSubtype", false);
        body.element("keyPrefix", schema.keyPrefix());
        body.element("label", label(schema));
        body.element("labelPlural", labelPlural(schema));
        body.element("layoutable", true);
        body.element("mergeable", false);
        body.element("mruEnabled", true);
        body.element("name", schema.name());
        body.element("queryable", true);
        body.element("replicateable", true);
        body.element("retrieveable", true);
        body.element("searchable", true);
        body.element("triggerable", true);
        body.element("undeletable", false);
        body.element("updateable", schema.createable());
        body.end();
      }
      body.end().end();
    };
  }

  /** Writes a DescribeSObjectResult in the WSDL's element order. */
  private static void writeDescribeSObject(
      XmlWriter body, SchemaCatalog catalog, SObjectSchema schema, URI baseUrl) {
    body.start("result");
    body.element("activateable", false);
    body.nil("associateEntityType");
    body.nil("associateParentEntity");
    writeChildRelationships(body, catalog, schema);
    body.element("compactLayoutable", true);
    body.element("createable", schema.createable());
    body.element("custom", false);
    body.element("customSetting", false);
    body.element("dataTranslationEnabled", false);
    body.element("deepCloneable", false);
    body.nil("defaultImplementation");
    body.element("deletable", false);
    body.element("deprecatedAndHidden", false);
    body.element("feedEnabled", true);
    for (FieldDef field : schema.fields()) {
      writeField(body, schema, field);
    }
    body.element("hasSubtypes", false);
    body.element("idEnabled", true);
    body.nil("implementedBy");
    body.nil("implementsInterfaces");
    body.element("isInterface", false);
    body.element("isSubtype", false);
    body.element("keyPrefix", schema.keyPrefix());
    body.element("label", label(schema));
    body.element("labelPlural", labelPlural(schema));
    body.element("layoutable", true);
    body.element("mergeable", false);
    body.element("mruEnabled", true);
    body.element("name", schema.name());
    body.nil("networkScopeFieldName");
    body.element("queryable", true);
    body.start("recordTypeInfos");
    body.element("active", true);
    body.element("available", true);
    body.element("defaultRecordTypeMapping", true);
    body.element("developerName", "Master");
    body.element("master", true);
    body.element("name", "Master");
    body.element("recordTypeId", MASTER_RECORD_TYPE_ID);
    body.end();
    body.element("replicateable", true);
    body.element("retrieveable", true);
    body.element("searchLayoutable", true);
    body.element("searchable", true);
    body.element("triggerable", true);
    body.element("undeletable", false);
    body.element("updateable", schema.createable());
    String base = baseUrl.toString();
    body.element("urlDetail", base + "/{ID}");
    body.element("urlEdit", base + "/{ID}/e");
    body.element("urlNew", base + "/" + schema.keyPrefix() + "/e");
    body.end();
  }

  /** Every reference field of any emulated object that points at this one. */
  private static void writeChildRelationships(
      XmlWriter body, SchemaCatalog catalog, SObjectSchema parent) {
    for (SObjectSchema child : catalog.all()) {
      for (FieldDef field : child.fields()) {
        if (field.type() != FieldType.REFERENCE || !referenceTo(field).contains(parent.name())) {
          continue;
        }
        body.start("childRelationships");
        body.element("cascadeDelete", false);
        body.element("childSObject", child.name());
        body.element("deprecatedAndHidden", false);
        body.element("field", field.name());
        String name = CHILD_RELATIONSHIP_NAMES.get(child.name() + "." + field.name());
        if (name != null) {
          body.element("relationshipName", name);
        }
        body.element("restrictedDelete", false);
        body.end();
      }
    }
  }

  /** Writes a Field in the WSDL's element order. */
  private static void writeField(XmlWriter body, SObjectSchema schema, FieldDef field) {
    FieldType type = field.type();
    boolean custom = field.name().endsWith("__c");
    boolean system = !custom && SYSTEM_FIELDS.contains(field.name());
    boolean reference = type == FieldType.REFERENCE;
    boolean polymorphic = reference && referenceTo(field).size() > 1;
    boolean longText = type == FieldType.TEXTAREA && field.length() > 255;
    boolean writable = schema.createable() && field.createable();
    boolean nameField = field.name().equals("Name");
    boolean defaulted =
        field.defaultValue() != null
            || system
            || field.name().equals("OwnerId")
            || (nameField && schema.nameComputed());
    boolean nillable =
        !field.requiredOnCreate()
            && !system
            && !nameField
            && type != FieldType.BOOLEAN
            && field.defaultValue() == null
            && !field.name().equals("OwnerId");
    String key = schema.name() + "." + field.name();
    List<String> picklist = PICKLISTS.getOrDefault(key, List.of());

    body.start("fields");
    body.element("aggregatable", !longText);
    body.element("aiPredictionField", false);
    body.element("autoNumber", false);
    body.element("byteLength", byteLength(field));
    body.element("calculated", false);
    if (reference) {
      body.element("cascadeDelete", false);
    }
    body.element("caseSensitive", field.caseSensitive());
    body.element("createable", writable);
    body.element("custom", custom);
    if (type == FieldType.BOOLEAN && field.defaultValue() instanceof Boolean value) {
      body.start("defaultValue")
          .attr("xmlns:xsd", XSD)
          .attr("xsi:type", "xsd:boolean")
          .text(value.toString())
          .end();
    }
    body.element("defaultedOnCreate", defaulted);
    if (type == FieldType.PICKLIST) {
      body.element("dependentPicklist", false);
    }
    body.element("deprecatedAndHidden", false);
    body.element("digits", 0);
    body.element("externalId", field.externalId());
    body.element("filterable", !longText);
    body.element("groupable", groupable(type));
    body.element("htmlFormatted", false);
    body.element("idLookup", idLookup(field));
    body.element("label", field.label());
    body.element("length", type.isText() && !type.isId() ? field.length() : 0);
    body.element("name", field.name());
    body.element("nameField", nameField);
    body.element("namePointing", polymorphic);
    body.element("nillable", nillable);
    body.element("permissionable", nillable && writable && !field.unique());
    for (int i = 0; i < picklist.size(); i++) {
      body.start("picklistValues");
      body.element("active", true);
      body.element("defaultValue", i == 0 && DEFAULTED_PICKLISTS.contains(key));
      body.element("label", picklist.get(i));
      body.element("value", picklist.get(i));
      body.end();
    }
    body.element("polymorphicForeignKey", polymorphic);
    body.element("precision", type == FieldType.DOUBLE ? 18 : 0);
    body.element("queryByDistance", false);
    for (String target : referenceTo(field)) {
      body.element("referenceTo", target);
    }
    if (field.relationshipName() != null) {
      body.element("relationshipName", field.relationshipName());
    }
    if (reference) {
      body.element("restrictedDelete", false);
    }
    body.element("restrictedPicklist", false);
    body.element("scale", 0);
    body.element("searchPrefilterable", reference);
    body.element("soapType", soapType(type));
    body.element("sortable", !longText);
    body.element("type", type.name().toLowerCase(Locale.ROOT));
    body.element("unique", field.unique());
    body.element("updateable", writable);
    body.end();
  }

  /**
   * The objects a reference may point at. A lookup typed as the Name pseudo-object (Lead owner) is
   * polymorphic: a user or a queue, which describe reports as Group and User.
   */
  private static List<String> referenceTo(FieldDef field) {
    if (field.referenceTo() == null) {
      return List.of();
    }
    if ("Name".equals(field.relationshipType())) {
      return List.of("Group", field.referenceTo());
    }
    return List.of(field.referenceTo());
  }

  /** Bytes a value may take: three per character for text (UTF-8), 18 for ids, 0 otherwise. */
  private static int byteLength(FieldDef field) {
    if (field.type().isId()) {
      return 18;
    }
    return field.type().isText() ? field.length() * 3 : 0;
  }

  private static boolean groupable(FieldType type) {
    return switch (type) {
      case TEXTAREA, DATETIME, DOUBLE -> false;
      default -> true;
    };
  }

  /** Fields that identify a record: Id, Name, Email, Username and unique (external id) fields. */
  private static boolean idLookup(FieldDef field) {
    return switch (field.name()) {
      case "Id", "Name", "Email", "Username" -> true;
      default -> field.unique() || field.externalId();
    };
  }

  private static String soapType(FieldType type) {
    return switch (type) {
      case ID, REFERENCE -> "tns:ID";
      case BOOLEAN -> "xsd:boolean";
      case DATETIME -> "xsd:dateTime";
      case DATE -> "xsd:date";
      case DOUBLE -> "xsd:double";
      default -> "xsd:string";
    };
  }

  private static String label(SObjectSchema schema) {
    return LABELS.getOrDefault(schema.name(), new String[] {schema.name(), schema.name()})[0];
  }

  private static String labelPlural(SObjectSchema schema) {
    return LABELS.getOrDefault(schema.name(), new String[] {schema.name(), schema.name() + "s"})[1];
  }
}
