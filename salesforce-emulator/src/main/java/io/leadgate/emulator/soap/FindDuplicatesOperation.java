package io.leadgate.emulator.soap;

import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.org.DuplicateRules;
import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.org.IncomingRecord;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.SObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * findDuplicates: runs the org's active duplicate rules against up to 50 sObjects without saving,
 * one FindDuplicatesResult per input with a DuplicateResult per rule (also when it found nothing).
 */
final class FindDuplicatesOperation implements SoapOperation {

  static final int MAX_RECORDS = 50;

  @Override
  public void execute(SoapRequest request, Session session, XmlWriter body) {
    OrgState org = session.org();
    List<Element> sObjects = SoapRequest.children(request.operation(), "sObjects");
    if (sObjects.size() > MAX_RECORDS) {
      throw SoapFault.unexpected(
          "LIMIT_EXCEEDED",
          "Configuration error: The number of records to check is greater than the permitted"
              + " batch size.");
    }
    List<IncomingRecord> records = new ArrayList<>();
    for (Element sObject : sObjects) {
      records.add(CreateOperation.decode(org, sObject));
    }
    DuplicateRules rules = new DuplicateRules(org, DuplicateXml.header(request));
    List<List<DuplicateRules.RuleResult>> results =
        org.locked(
            () -> {
              List<List<DuplicateRules.RuleResult>> out = new ArrayList<>();
              for (IncomingRecord record : records) {
                out.add(rules.run(record.type(), typed(org, record), null));
              }
              return out;
            });
    body.start("findDuplicatesResponse");
    for (List<DuplicateRules.RuleResult> perRecord : results) {
      body.start("result");
      for (DuplicateRules.RuleResult result : perRecord) {
        body.start("duplicateResults");
        DuplicateXml.writeResult(body, result, null);
        body.end();
      }
      body.element("success", true);
      body.end();
    }
    body.end();
  }

  /** The record's values converted to field types; unconvertible values are ignored. */
  private static Map<String, Object> typed(OrgState org, IncomingRecord record) {
    SObjectSchema schema = org.schema().find(record.type()).orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : record.values().entrySet()) {
      FieldDef field = schema.field(entry.getKey()).orElseThrow();
      try {
        values.put(field.name(), FieldValues.coerce(field, entry.getValue()));
      } catch (IllegalArgumentException e) {
        // Matching just skips a value Salesforce would reject on save.
      }
    }
    return values;
  }
}
