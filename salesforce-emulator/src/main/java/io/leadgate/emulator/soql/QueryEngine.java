package io.leadgate.emulator.soql;

import io.leadgate.emulator.id.SalesforceIds;
import io.leadgate.emulator.org.FieldDef;
import io.leadgate.emulator.org.FieldType;
import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.org.RecordStore;
import io.leadgate.emulator.org.SObjectSchema;
import io.leadgate.emulator.org.SchemaCatalog;
import io.leadgate.emulator.soql.Ast.Condition;
import io.leadgate.emulator.soql.Ast.FieldPath;
import io.leadgate.emulator.soql.Ast.Literal;
import io.leadgate.emulator.soql.Ast.LiteralKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses, checks and runs SOQL against one org's records. Checks happen in Salesforce's order:
 * syntax, then the object, then fields in the order they appear.
 */
public final class QueryEngine {

  /** Salesforce's documented maximum SOQL statement length. */
  public static final int MAX_QUERY_LENGTH = 100_000;

  private static final String NO_SUCH_COLUMN_HINT =
      "If you are attempting to use a custom field, be sure to append the '__c' after the custom"
          + " field name. Please reference your WSDL or the describe call for the appropriate"
          + " names.";
  private static final String RELATIONSHIP_HINT =
      "If you are attempting to use a custom relationship, be sure to append the '__r' after the"
          + " custom relationship name. Please reference your WSDL or the describe call for the"
          + " appropriate names.";

  private final SchemaCatalog catalog;

  public QueryEngine(SchemaCatalog catalog) {
    this.catalog = catalog;
  }

  /** The records a query selects, fully projected. */
  public record Result(String sobjectType, List<RowNode> rows) {}

  /** A field path resolved against the schema. */
  private record Bound(FieldPath path, List<FieldDef> hops, FieldDef leaf) {}

  private record BoundOrder(Bound field, boolean descending, boolean nullsFirst) {}

  /**
   * Parses and checks a statement without running it.
   *
   * @throws SoqlException as Salesforce would fault
   */
  public void check(String soql) {
    plan(soql);
  }

  /**
   * Runs a query. Must be called with the org locked.
   *
   * @throws SoqlException as Salesforce would fault
   */
  public Result execute(String soql, RecordStore store) {
    Plan plan = plan(soql);
    return execute(plan, store.all(plan.schema.name()), store);
  }

  /**
   * Runs a query over the given records of its type only, taken in their order, as if the store
   * held no others: SOSL's RETURNING clause applied to the records a search found. Must be called
   * with the org locked.
   *
   * @throws SoqlException as Salesforce would fault
   */
  public Result execute(String soql, RecordStore store, List<Map<String, Object>> records) {
    return execute(plan(soql), records, store);
  }

  private Result execute(Plan plan, List<Map<String, Object>> records, RecordStore store) {
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Map<String, Object> record : records) {
      if (plan.where == null || matches(plan.where, record, store)) {
        matches.add(record);
      }
    }
    if (!plan.orderBy.isEmpty()) {
      matches.sort(comparator(plan.orderBy, store));
    }
    if (plan.limit != null && matches.size() > plan.limit) {
      matches = matches.subList(0, plan.limit);
    }
    List<RowNode> rows = new ArrayList<>(matches.size());
    for (Map<String, Object> record : matches) {
      rows.add(project(plan.schema.name(), record, plan.select, store));
    }
    return new Result(plan.schema.name(), rows);
  }

  // --- checking -------------------------------------------------------------------------------

  private record Plan(
      SObjectSchema schema,
      List<Bound> select,
      BoundCondition where,
      List<BoundOrder> orderBy,
      Integer limit) {}

  private sealed interface BoundCondition permits BAnd, BOr, BNot, BComparison, BIn, BLike {}

  private record BAnd(List<BoundCondition> operands) implements BoundCondition {}

  private record BOr(List<BoundCondition> operands) implements BoundCondition {}

  private record BNot(BoundCondition operand) implements BoundCondition {}

  private record BComparison(Bound field, String operator, Object value)
      implements BoundCondition {}

  private record BIn(Bound field, boolean negated, List<Object> values) implements BoundCondition {}

  private record BLike(Bound field, Pattern pattern) implements BoundCondition {}

  private Plan plan(String soql) {
    if (soql == null || soql.isBlank()) {
      throw SoqlException.malformed(soql == null ? "" : soql, 1, 1, "unexpected token: <EOF>");
    }
    if (soql.length() > MAX_QUERY_LENGTH) {
      throw new SoqlException(
          "MALFORMED_QUERY",
          "MalformedQueryFault",
          -1,
          -1,
          "SOQL statements cannot be longer than 100,000 characters.");
    }
    Ast.Query query = new Parser(soql).parse();
    SObjectSchema schema =
        catalog
            .find(query.from())
            .orElseThrow(
                () ->
                    SoqlException.invalidType(
                        soql, query.fromRow(), query.fromColumn(), query.from()));
    List<Bound> select = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (FieldPath path : query.select()) {
      Bound bound = bind(soql, schema, path);
      if (!seen.add(canonicalPath(bound).toLowerCase(Locale.ROOT))) {
        throw SoqlException.malformed(
            soql, path.row(), path.column(), "duplicate field selected: " + canonicalPath(bound));
      }
      select.add(bound);
    }
    BoundCondition where = query.where() == null ? null : bind(soql, schema, query.where());
    List<BoundOrder> orderBy = new ArrayList<>();
    for (Ast.OrderItem item : query.orderBy()) {
      orderBy.add(
          new BoundOrder(bind(soql, schema, item.field()), item.descending(), item.nullsFirst()));
    }
    return new Plan(schema, select, where, orderBy, query.limit());
  }

  private BoundCondition bind(String soql, SObjectSchema schema, Condition condition) {
    if (condition instanceof Ast.And and) {
      return new BAnd(and.operands().stream().map(c -> bind(soql, schema, c)).toList());
    }
    if (condition instanceof Ast.Or or) {
      return new BOr(or.operands().stream().map(c -> bind(soql, schema, c)).toList());
    }
    if (condition instanceof Ast.Not not) {
      return new BNot(bind(soql, schema, not.operand()));
    }
    if (condition instanceof Ast.Comparison cmp) {
      Bound field = bind(soql, schema, cmp.field());
      return new BComparison(field, cmp.operator(), literalValue(soql, field, cmp.literal()));
    }
    if (condition instanceof Ast.InList in) {
      Bound field = bind(soql, schema, in.field());
      List<Object> values = new ArrayList<>();
      for (Literal literal : in.values()) {
        values.add(literalValue(soql, field, literal));
      }
      return new BIn(field, in.negated(), values);
    }
    Ast.Like like = (Ast.Like) condition;
    Bound field = bind(soql, schema, like.field());
    if (!field.leaf().type().isText()) {
      throw SoqlException.invalidField(
          soql,
          like.field().row(),
          like.field().column(),
          "invalid operator on "
              + field.leaf().type().name().toLowerCase(Locale.ROOT)
              + " field: "
              + field.leaf().name());
    }
    return new BLike(field, like.pattern());
  }

  private Bound bind(String soql, SObjectSchema root, FieldPath path) {
    SObjectSchema current = root;
    String entityName = root.name();
    List<FieldDef> hops = new ArrayList<>();
    List<String> parts = path.parts();
    for (int i = 0; i < parts.size() - 1; i++) {
      String relationship = parts.get(i);
      FieldDef reference =
          current
              .relationship(relationship)
              .orElseThrow(
                  () ->
                      SoqlException.invalidField(
                          soql,
                          path.row(),
                          path.column(),
                          "Didn't understand relationship '"
                              + relationship
                              + "' in field path. "
                              + RELATIONSHIP_HINT));
      hops.add(reference);
      entityName = reference.relationshipType();
      current = catalog.find(reference.referenceTo()).orElseThrow();
    }
    String leafName = parts.get(parts.size() - 1);
    String entity = entityName;
    FieldDef leaf =
        current
            .field(leafName)
            .orElseThrow(
                () ->
                    SoqlException.invalidField(
                        soql,
                        path.row(),
                        path.column(),
                        "No such column '"
                            + leafName
                            + "' on entity '"
                            + entity
                            + "'. "
                            + NO_SUCH_COLUMN_HINT));
    return new Bound(path, hops, leaf);
  }

  /** Checks a literal against the field type and converts it to the stored representation. */
  private static Object literalValue(String soql, Bound field, Literal literal) {
    if (literal.kind() == LiteralKind.NULL) {
      return null;
    }
    FieldType type = field.leaf().type();
    String expected;
    boolean quoted;
    switch (type) {
      case BOOLEAN -> {
        expected = "boolean";
        quoted = false;
      }
      case DATETIME -> {
        expected = "dateTime";
        quoted = false;
      }
      case DATE -> {
        expected = "date";
        quoted = false;
      }
      case DOUBLE -> {
        expected = "double";
        quoted = false;
      }
      default -> {
        expected = "string";
        quoted = true;
      }
    }
    boolean ok =
        switch (type) {
          case BOOLEAN -> literal.kind() == LiteralKind.BOOLEAN;
          case DATETIME -> literal.kind() == LiteralKind.DATETIME;
          case DATE -> literal.kind() == LiteralKind.DATE;
          case DOUBLE -> literal.kind() == LiteralKind.NUMBER;
          default -> literal.kind() == LiteralKind.STRING;
        };
    if (!ok) {
      throw SoqlException.invalidField(
          soql,
          literal.row(),
          literal.column(),
          "value of filter criterion for field '"
              + field.leaf().name()
              + "' must be of type "
              + expected
              + (quoted
                  ? " and should be enclosed in quotes"
                  : " and should not be enclosed in quotes"));
    }
    Object value = literal.value();
    if (value instanceof BigDecimal number) {
      return number.doubleValue();
    }
    if (type.isId()) {
      // 15- and 18-character ids both match; a malformed id simply matches nothing.
      return SalesforceIds.canonical((String) value).orElse((String) value);
    }
    return value;
  }

  private static String canonicalPath(Bound bound) {
    StringBuilder sb = new StringBuilder();
    for (FieldDef hop : bound.hops()) {
      sb.append(hop.relationshipName()).append('.');
    }
    return sb.append(bound.leaf().name()).toString();
  }

  // --- evaluation -----------------------------------------------------------------------------

  private static boolean matches(
      BoundCondition condition, Map<String, Object> record, RecordStore store) {
    if (condition instanceof BAnd and) {
      return and.operands().stream().allMatch(c -> matches(c, record, store));
    }
    if (condition instanceof BOr or) {
      return or.operands().stream().anyMatch(c -> matches(c, record, store));
    }
    if (condition instanceof BNot not) {
      return !matches(not.operand(), record, store);
    }
    if (condition instanceof BComparison cmp) {
      Object actual = valueOf(record, cmp.field(), store);
      return compare(actual, cmp.operator(), cmp.value(), cmp.field().leaf().type());
    }
    if (condition instanceof BIn in) {
      Object actual = valueOf(record, in.field(), store);
      boolean found = false;
      for (Object candidate : in.values()) {
        if (compare(actual, "=", candidate, in.field().leaf().type())) {
          found = true;
          break;
        }
      }
      return in.negated() != found;
    }
    BLike like = (BLike) condition;
    Object actual = valueOf(record, like.field(), store);
    return actual != null && like.pattern().matcher(FieldValues.format(actual)).matches();
  }

  private static boolean compare(Object actual, String operator, Object expected, FieldType type) {
    if (expected == null || actual == null) {
      boolean bothNull = expected == null && actual == null;
      return switch (operator) {
        case "=" -> bothNull;
        case "!=" -> !bothNull;
        default -> false;
      };
    }
    int c = compareValues(actual, expected, type);
    return switch (operator) {
      case "=" -> c == 0;
      case "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> throw new IllegalStateException("operator " + operator);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b, FieldType type) {
    if (type.isId()) {
      return a.toString().compareTo(b.toString());
    }
    if (a instanceof String sa && b instanceof String sb) {
      // SOQL compares text case-insensitively.
      return String.CASE_INSENSITIVE_ORDER.compare(sa, sb);
    }
    if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
      return ca.compareTo(b);
    }
    return FieldValues.format(a).compareToIgnoreCase(FieldValues.format(b));
  }

  private static Comparator<Map<String, Object>> comparator(
      List<BoundOrder> orderBy, RecordStore store) {
    return (left, right) -> {
      for (BoundOrder order : orderBy) {
        Object a = valueOf(left, order.field(), store);
        Object b = valueOf(right, order.field(), store);
        int c;
        if (a == null || b == null) {
          if (a == b) {
            continue;
          }
          // Null placement is independent of the sort direction.
          return (a == null) == order.nullsFirst() ? -1 : 1;
        }
        c = compareValues(a, b, order.field().leaf().type());
        if (c != 0) {
          return order.descending() ? -c : c;
        }
      }
      return 0;
    };
  }

  private static Object valueOf(Map<String, Object> record, Bound bound, RecordStore store) {
    Map<String, Object> current = record;
    for (FieldDef hop : bound.hops()) {
      Object parentId = current.get(hop.name());
      if (parentId == null) {
        return null;
      }
      current = store.byId((String) parentId).orElse(null);
      if (current == null) {
        return null;
      }
    }
    return current.get(bound.leaf().name());
  }

  // --- projection -----------------------------------------------------------------------------

  /** Mutable node used while grouping relationship fields under their parent element. */
  private static final class NodeBuilder {
    final String type;
    final Map<String, Object> record;
    final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    boolean idSelected;

    NodeBuilder(String type, Map<String, Object> record) {
      this.type = type;
      this.record = record;
    }

    RowNode build() {
      List<RowNode.Field> out = new ArrayList<>(fields.size());
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        Object v = e.getValue();
        out.add(new RowNode.Field(e.getKey(), v instanceof NodeBuilder nb ? nb.build() : v));
      }
      String id = idSelected ? Objects.toString(record.get("Id"), null) : null;
      return new RowNode(type, id, out);
    }
  }

  private static RowNode project(
      String type, Map<String, Object> record, List<Bound> select, RecordStore store) {
    NodeBuilder root = new NodeBuilder(type, record);
    for (Bound bound : select) {
      NodeBuilder node = root;
      boolean nil = false;
      for (FieldDef hop : bound.hops()) {
        Object existing = node.fields.get(hop.relationshipName());
        if (existing == null && node.fields.containsKey(hop.relationshipName())) {
          nil = true;
          break;
        }
        if (existing instanceof NodeBuilder nb) {
          node = nb;
          continue;
        }
        Object parentId = node.record.get(hop.name());
        Map<String, Object> parent =
            parentId == null ? null : store.byId((String) parentId).orElse(null);
        if (parent == null) {
          node.fields.put(hop.relationshipName(), null);
          nil = true;
          break;
        }
        NodeBuilder child = new NodeBuilder(hop.relationshipType(), parent);
        node.fields.put(hop.relationshipName(), child);
        node = child;
      }
      if (nil) {
        continue;
      }
      String name = bound.leaf().name();
      if (name.equals("Id")) {
        node.idSelected = true;
      }
      Object value = node.record.get(name);
      node.fields.put(name, value == null ? null : FieldValues.format(value));
    }
    return root.build();
  }
}
