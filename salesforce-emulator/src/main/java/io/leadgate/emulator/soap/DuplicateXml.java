package io.leadgate.emulator.soap;

import io.leadgate.emulator.org.DuplicateRules;
import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.soql.RowNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes DuplicateResult, MatchResult and MatchRecord in the WSDL's element order. */
final class DuplicateXml {

  private DuplicateXml() {}

  /** The DuplicateRuleHeader of a request; absent fields are false, as Salesforce defaults. */
  static DuplicateRules.Header header(SoapRequest request) {
    return new DuplicateRules.Header(
        "true".equals(trim(request.header("DuplicateRuleHeader", "allowSave"))),
        "true".equals(trim(request.header("DuplicateRuleHeader", "includeRecordDetails"))));
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /**
   * Writes the children of a DuplicateResult.
   *
   * @param errorMessage the rule's alert text, or null (findDuplicates)
   */
  static void writeResult(XmlWriter body, DuplicateRules.RuleResult result, String errorMessage) {
    body.element("allowSave", result.allowSave());
    body.element("duplicateRule", result.duplicateRule());
    body.element("duplicateRuleEntityType", result.duplicateRuleEntityType());
    body.element("errorMessage", errorMessage);
    body.start("matchResults");
    body.element("entityType", result.matchEntityType());
    body.element("matchEngine", "FuzzyMatchEngine");
    for (DuplicateRules.Match match : result.matches()) {
      body.start("matchRecords");
      for (DuplicateRules.FieldDiff diff : match.fieldDiffs()) {
        body.start("fieldDiffs");
        body.element("difference", diff.difference());
        body.element("name", diff.name());
        body.end();
      }
      body.element("matchConfidence", match.confidence());
      RecordXml.write(
          body, "record", row(result.matchEntityType(), match, result.includeRecordDetails()));
      body.end();
    }
    body.element("rule", result.matchingRule());
    body.element("size", result.matches().size());
    body.element("success", true);
    body.end();
  }

  /** The matched record: only its Id, or with includeRecordDetails the fields Salesforce shows. */
  private static RowNode row(String type, DuplicateRules.Match match, boolean details) {
    Map<String, Object> record = match.record();
    String id = (String) record.get("Id");
    List<RowNode.Field> fields = new ArrayList<>();
    if (details) {
      List<String> names =
          type.equals("Lead")
              ? List.of("Name", "Email", "Company", "OwnerId", "LastModifiedDate")
              : List.of("Name", "Email", "AccountId", "OwnerId", "LastModifiedDate");
      for (String name : names) {
        Object value = record.get(name);
        fields.add(new RowNode.Field(name, value == null ? null : FieldValues.format(value)));
      }
      fields.add(new RowNode.Field("Id", id));
    }
    return new RowNode(type, id, fields);
  }
}
