package io.leadgate.emulator.soap;

import io.leadgate.emulator.id.SalesforceIds;
import io.leadgate.emulator.oauth.Session;
import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.soql.QueryEngine;
import io.leadgate.emulator.soql.RowNode;
import io.leadgate.emulator.soql.SoqlException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * retrieve: the listed fields of records by id, positionally; an id with no record gives a nil
 * result element. The field list accepts what a SELECT list does (parent paths included).
 */
final class RetrieveOperation implements SoapOperation {

  static final int MAX_IDS = 2000;

  @Override
  public void execute(SoapRequest request, Session session, XmlWriter body) {
    OrgState org = session.org();
    String fieldList = SoapRequest.childText(request.operation(), "fieldList");
    String type = SoapRequest.childText(request.operation(), "sObjectType");
    SObjectSchema schema =
        org.schema()
            .find(type == null ? null : type.trim())
            .orElseThrow(
                () ->
                    new SoapFault(
                        "INVALID_TYPE",
                        "InvalidSObjectFault",
                        "sObject type '" + type + "' is not supported."));
    if (fieldList == null || fieldList.isBlank()) {
      throw new SoapFault("MALFORMED_QUERY", "MalformedQueryFault", "fieldList is empty");
    }
    List<Element> idElements = SoapRequest.children(request.operation(), "ids");
    if (idElements.size() > MAX_IDS) {
      throw SoapFault.unexpected(
          "EXCEEDED_ID_LIMIT", "retrieve cannot take more than " + MAX_IDS + " ids");
    }
    List<String> ids = new ArrayList<>();
    for (Element element : idElements) {
      String raw = element.getTextContent().trim();
      ids.add(
          SalesforceIds.canonical(raw)
              .orElseThrow(
                  () -> new SoapFault("MALFORMED_ID", "InvalidIdFault", "malformed id " + raw)));
    }
    Map<String, RowNode> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      // Rows are keyed by Id: selected already, or put first and stripped again.
      boolean idListed =
          java.util.Arrays.stream(fieldList.split(","))
              .anyMatch(f -> f.trim().equalsIgnoreCase("Id"));
      String soql =
          "SELECT "
              + (idListed ? "" : "Id, ")
              + fieldList
              + " FROM "
              + schema.name()
              + " WHERE Id IN ('"
              + String.join("','", ids)
              + "')";
      List<RowNode> rows;
      try {
        rows = org.locked(() -> new QueryEngine(org.schema()).execute(soql, org.store()).rows());
      } catch (SoqlException e) {
        throw new SoapFault(e.exceptionCode(), e.faultType(), e.getMessage());
      }
      for (RowNode row : rows) {
        if (idListed) {
          byId.put(row.id(), row);
        } else {
          String id = (String) row.fields().get(0).value();
          byId.put(id, new RowNode(row.type(), id, row.fields().subList(1, row.fields().size())));
        }
      }
    }
    body.start("retrieveResponse");
    for (String id : ids) {
      RowNode row = byId.get(id);
      if (row == null) {
        body.nil("result");
      } else {
        RecordXml.write(body, "result", row);
      }
    }
    body.end();
  }
}
