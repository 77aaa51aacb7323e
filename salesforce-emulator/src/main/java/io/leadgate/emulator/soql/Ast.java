package io.leadgate.emulator.soql;

import java.util.List;
import java.util.regex.Pattern;

/** The syntax tree of the supported SOQL subset. */
final class Ast {

  private Ast() {}

  /** A field or parent-relationship path such as {@code Owner.Name}, as written. */
  record FieldPath(List<String> parts, int row, int column) {
    String text() {
      return String.join(".", parts);
    }
  }

  enum LiteralKind {
    STRING,
    BOOLEAN,
    NULL,
    NUMBER,
    DATE,
    DATETIME
  }

  /** A literal with its decoded value (String, Boolean, null, BigDecimal, LocalDate, Instant). */
  record Literal(LiteralKind kind, Object value, int row, int column) {}

  sealed interface Condition permits And, Or, Not, Comparison, InList, Like {}

  record And(List<Condition> operands) implements Condition {}

  record Or(List<Condition> operands) implements Condition {}

  record Not(Condition operand) implements Condition {}

  record Comparison(FieldPath field, String operator, Literal literal) implements Condition {}

  record InList(FieldPath field, boolean negated, List<Literal> values) implements Condition {}

  record Like(FieldPath field, Pattern pattern, Literal literal) implements Condition {}

  record OrderItem(FieldPath field, boolean descending, boolean nullsFirst) {}

  record Query(
      List<FieldPath> select,
      String from,
      int fromRow,
      int fromColumn,
      Condition where,
      List<OrderItem> orderBy,
      Integer limit) {}
}
