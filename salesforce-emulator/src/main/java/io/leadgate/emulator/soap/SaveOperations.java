package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.IncomingRecord;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.RecordWriter;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.org.SaveOutcome;
import java.util.List;

/** update and upsert: positional SaveResult / UpsertResult, as create. */
final class SaveOperations {

  private SaveOperations() {}

  static SoapOperation update() {
    return (SoapRequest request, Session session, XmlWriter body) -> {
      OrgState org = session.org();
      List<IncomingRecord> records = CreateOperation.decodeAll(request, org);
      List<SaveOutcome> outcomes =
          org.locked(
              () ->
                  new RecordWriter(org, DuplicateXml.header(request))
                      .update(records, session.userId()));
      body.start("updateResponse");
      for (SaveOutcome outcome : outcomes) {
        body.start("result");
        CreateOperation.writeErrors(body, outcome.errors());
        body.element("id", outcome.id());
        body.element("success", outcome.success());
        body.end();
      }
      body.end();
    };
  }

  static SoapOperation upsert() {
    return (SoapRequest request, Session session, XmlWriter body) -> {
      OrgState org = session.org();
      String keyName = SoapRequest.childText(request.operation(), "externalIDFieldName");
      List<IncomingRecord> records = CreateOperation.decodeAll(request, org);
      if (keyName == null || keyName.isBlank()) {
        throw new SoapFault(
            "MISSING_ARGUMENT", "UnexpectedErrorFault", "External ID field name is required");
      }
      FieldDef key = null;
      for (IncomingRecord record : records) {
        SObjectSchema schema = org.schema().find(record.type()).orElseThrow();
        FieldDef field = CreateOperation.requireFieldOf(schema, keyName.trim());
        if (!field.externalId() && !field.name().equals("Id")) {
          throw new SoapFault(
              "INVALID_FIELD",
              "InvalidFieldFault",
              "Field name provided, "
                  + field.name()
                  + " is not an External ID or indexed field for "
                  + schema.name());
        }
        key = field;
      }
      FieldDef keyField = key;
      List<RecordWriter.UpsertOutcome> outcomes =
          keyField == null
              ? List.of()
              : org.locked(
                  () ->
                      new RecordWriter(org, DuplicateXml.header(request))
                          .upsert(records, keyField, session.userId()));
      body.start("upsertResponse");
      for (RecordWriter.UpsertOutcome outcome : outcomes) {
        body.start("result");
        body.element("created", outcome.created());
        CreateOperation.writeErrors(body, outcome.outcome().errors());
        body.element("id", outcome.outcome().id());
        body.element("success", outcome.outcome().success());
        body.end();
      }
      body.end();
    };
  }
}
