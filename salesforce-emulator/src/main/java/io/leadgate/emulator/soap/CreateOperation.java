package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.IncomingRecord;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.RecordWriter;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.org.SaveError;
import io.leadgate.emulator.org.SaveOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** create: up to 200 records, one positional SaveResult each. */
final class CreateOperation implements SoapOperation {

  static final int MAX_RECORDS = 200;

  @Override
  public void execute(SoapRequest request, Session session, XmlWriter body) {
    List<Element> sObjects = SoapRequest.children(request.operation(), "sObjects");
    if (sObjects.size() > MAX_RECORDS) {
      throw SoapFault.unexpected(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than "
              + MAX_RECORDS
              + " records into this call");
    }
    OrgState org = session.org();
    List<IncomingRecord> records = new ArrayList<>(sObjects.size());
    for (Element sObject : sObjects) {
      records.add(decode(org, sObject));
    }
    List<SaveOutcome> outcomes =
        org.locked(
            () ->
                new RecordWriter(org, DuplicateXml.header(request))
                    .create(records, session.userId()));
    body.start("createResponse");
    for (SaveOutcome outcome : outcomes) {
      body.start("result");
      writeErrors(body, outcome.errors());
      body.element("id", outcome.id());
      body.element("success", outcome.success());
      body.end();
    }
    body.end();
  }

  static void writeErrors(XmlWriter body, List<SaveError> errors) {
    for (SaveError error : errors) {
      body.start("errors");
      if (error.duplicateResult() != null) {
        // Without the xsi:type WSC cannot read the duplicateResult element.
        body.attr("xsi:type", "DuplicateError");
      }
      for (String field : error.fields()) {
        body.element("fields", field);
      }
      body.element("message", error.message());
      body.element("statusCode", error.statusCode());
      if (error.duplicateResult() != null) {
        body.start("duplicateResult");
        DuplicateXml.writeResult(body, error.duplicateResult(), error.message());
        body.end();
      }
      body.end();
    }
  }

  /** Decodes the sObjects of a save call, enforcing the 200-record limit. */
  static List<IncomingRecord> decodeAll(SoapRequest request, OrgState org) {
    List<Element> sObjects = SoapRequest.children(request.operation(), "sObjects");
    if (sObjects.size() > MAX_RECORDS) {
      throw SoapFault.unexpected(
          "EXCEEDED_ID_LIMIT",
          "record limit reached. cannot submit more than "
              + MAX_RECORDS
              + " records into this call");
    }
    List<IncomingRecord> records = new ArrayList<>(sObjects.size());
    for (Element sObject : sObjects) {
      records.add(decode(org, sObject));
    }
    return records;
  }

  static FieldDef requireFieldOf(SObjectSchema schema, String name) {
    return requireField(schema, name);
  }

  /**
   * Reads one sObject. Unknown types and fields fail the whole call, as Salesforce cannot even
   * deserialise such a request.
   */
  static IncomingRecord decode(OrgState org, Element sObject) {
    String type = SoapRequest.childText(sObject, "type");
    if (type == null || type.isBlank()) {
      throw new SoapFault(
          "INVALID_TYPE", "InvalidSObjectFault", "Must send a concrete entity type.", -1, -1);
    }
    SObjectSchema schema =
        org.schema()
            .find(type.trim())
            .orElseThrow(
                () ->
                    new SoapFault(
                        "INVALID_TYPE",
                        "InvalidSObjectFault",
                        "sObject type '"
                            + type.trim()
                            + "' is not supported. If you are attempting to use a custom object,"
                            + " be sure to append the '__c' after the entity name. Please"
                            + " reference your WSDL or the describe call for the appropriate"
                            + " names.",
                        -1,
                        -1));
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> fieldsToNull = new ArrayList<>();
    for (Element child : SoapRequest.children(sObject)) {
      String name = child.getLocalName();
      if (name.equals("type")) {
        continue;
      }
      if (name.equals("fieldsToNull")) {
        String field = child.getTextContent().trim();
        requireField(schema, field);
        fieldsToNull.add(field);
        continue;
      }
      if (name.equals("Id") && (SoapRequest.isNil(child) || child.getTextContent().isBlank())) {
        // WSC always writes the Id slot; an empty one just means "no id".
        continue;
      }
      FieldDef field = requireField(schema, name);
      values.put(field.name(), SoapRequest.isNil(child) ? null : child.getTextContent());
    }
    return new IncomingRecord(schema.name(), values, fieldsToNull);
  }

  private static FieldDef requireField(SObjectSchema schema, String name) {
    return schema
        .field(name)
        .orElseThrow(
            () ->
                new SoapFault(
                    "INVALID_FIELD",
                    "InvalidFieldFault",
                    "No such column '"
                        + name
                        + "' on entity '"
                        + schema.name()
                        + "'. If you are attempting to use a custom field, be sure to append the"
                        + " '__c' after the custom field name. Please reference your WSDL or the"
                        + " describe call for the appropriate names.",
                    -1,
                    -1));
  }
}
