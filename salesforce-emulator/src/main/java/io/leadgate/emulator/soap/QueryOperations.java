package io.leadgate.emulator.soap;

import io.leadgate.emulator.org.OrgState;
import io.leadgate.emulator.soql.QueryEngine;
import io.leadgate.emulator.soql.RowNode;
import io.leadgate.emulator.soql.SoqlException;
import java.util.List;
import java.util.Optional;

/** query, queryAll and queryMore, with server-side cursors for results larger than a batch. */
final class QueryOperations {

  /** Batch size when no QueryOptions header is sent. */
  static final int DEFAULT_BATCH_SIZE = 500;

  static final int MIN_BATCH_SIZE = 200;
  static final int MAX_BATCH_SIZE = 2000;

  private QueryOperations() {}

  static SoapOperation query(String responseElement) {
    return (request, session, body) -> {
      String soql = SoapRequest.childText(request.operation(), "queryString");
      OrgState org = session.org();
      QueryEngine engine = new QueryEngine(org.schema());
      List<RowNode> rows;
      try {
        rows = org.locked(() -> engine.execute(soql == null ? "" : soql, org.store()).rows());
      } catch (SoqlException e) {
        throw new SoapFault(e.exceptionCode(), e.faultType(), e.getMessage(), e.row(), e.column());
      }
      int batch = batchSize(request);
      String locator = null;
      if (rows.size() > batch) {
        locator = org.cursors().open(rows) + "-" + batch;
      }
      writeResult(
          body,
          responseElement,
          locator,
          rows.subList(0, Math.min(batch, rows.size())),
          rows.size());
    };
  }

  static SoapOperation queryMore() {
    return (request, session, body) -> {
      String locator = SoapRequest.childText(request.operation(), "queryLocator");
      OrgState org = session.org();
      int dash = locator == null ? -1 : locator.lastIndexOf('-');
      if (dash <= 0) {
        throw invalidLocator();
      }
      String cursorId = locator.substring(0, dash);
      int offset;
      try {
        offset = Integer.parseInt(locator.substring(dash + 1));
      } catch (NumberFormatException e) {
        throw invalidLocator();
      }
      Optional<List<RowNode>> cursor = org.cursors().rows(cursorId);
      if (cursor.isEmpty() || offset < 0 || offset > cursor.get().size()) {
        throw invalidLocator();
      }
      List<RowNode> rows = cursor.get();
      int end = Math.min(rows.size(), offset + batchSize(request));
      String next = null;
      if (end < rows.size()) {
        next = cursorId + "-" + end;
      } else {
        org.cursors().close(cursorId);
      }
      writeResult(body, "queryMoreResponse", next, rows.subList(offset, end), rows.size());
    };
  }

  private static SoapFault invalidLocator() {
    return new SoapFault(
        "INVALID_QUERY_LOCATOR", "InvalidQueryLocatorFault", "invalid query locator");
  }

  /** QueryOptions.batchSize, clamped to Salesforce's accepted range. */
  private static int batchSize(SoapRequest request) {
    String requested = request.header("QueryOptions", "batchSize");
    if (requested == null || requested.isBlank()) {
      return DEFAULT_BATCH_SIZE;
    }
    try {
      int n = Integer.parseInt(requested.trim());
      return Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, n));
    } catch (NumberFormatException e) {
      return DEFAULT_BATCH_SIZE;
    }
  }

  private static void writeResult(
      XmlWriter body, String responseElement, String locator, List<RowNode> page, int size) {
    body.start(responseElement).start("result").attr("xsi:type", "QueryResult");
    body.element("done", locator == null);
    body.element("queryLocator", locator);
    for (RowNode row : page) {
      RecordXml.write(body, "records", row);
    }
    body.element("size", size);
    body.end().end();
  }
}
