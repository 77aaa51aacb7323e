package io.leadgate.emulator.soql;

import io.leadgate.emulator.org.FieldValues;
import io.leadgate.emulator.soql.Ast.Condition;
import io.leadgate.emulator.soql.Ast.FieldPath;
import io.leadgate.emulator.soql.Ast.Literal;
import io.leadgate.emulator.soql.Ast.LiteralKind;
import io.leadgate.emulator.soql.Token.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the SOQL subset:
 *
 * <pre>
 * query     := SELECT path (, path)* FROM ident [WHERE condition]
 *              [ORDER BY order (, order)*] [LIMIT integer]
 * condition := notExpr (AND notExpr)* | notExpr (OR notExpr)*   -- no mixing without parentheses
 * notExpr   := NOT notExpr | ( condition ) | path op literal | path [NOT] IN ( literal, ... )
 *            | path LIKE string
 * order     := path [ASC|DESC] [NULLS (FIRST|LAST)]
 * </pre>
 */
final class Parser {

  private static final Set<String> RESERVED =
      Set.of(
          "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC",
          "NULLS", "FIRST", "LAST", "LIMIT", "TRUE", "FALSE", "NULL", "GROUP", "HAVING", "OFFSET");

  private final String query;
  private final List<Token> tokens;
  private int index;

  Parser(String query) {
    this.query = query;
    this.tokens = new Lexer(query).tokenize();
  }

  Ast.Query parse() {
    expectKeyword("SELECT");
    List<FieldPath> select = new ArrayList<>();
    select.add(path());
    while (peek().is(Kind.COMMA)) {
      index++;
      select.add(path());
    }
    expectKeyword("FROM");
    Token from = peek();
    if (!from.is(Kind.IDENT) || isReserved(from)) {
      throw unexpected(from);
    }
    index++;
    Condition where = null;
    if (peek().isKeyword("WHERE")) {
      index++;
      where = condition();
    }
    List<Ast.OrderItem> orderBy = new ArrayList<>();
    if (peek().isKeyword("ORDER")) {
      index++;
      expectKeyword("BY");
      orderBy.add(orderItem());
      while (peek().is(Kind.COMMA)) {
        index++;
        orderBy.add(orderItem());
      }
    }
    Integer limit = null;
    if (peek().isKeyword("LIMIT")) {
      index++;
      Token n = peek();
      if (!n.is(Kind.NUMBER) || !n.text().matches("\\d+")) {
        throw unexpected(n);
      }
      index++;
      try {
        limit = Integer.valueOf(n.text());
      } catch (NumberFormatException e) {
        throw SoqlException.malformed(query, n.row(), n.column(), "For input string: " + n.text());
      }
    }
    if (!peek().is(Kind.EOF)) {
      throw unexpected(peek());
    }
    return new Ast.Query(select, from.text(), from.row(), from.column(), where, orderBy, limit);
  }

  private Ast.OrderItem orderItem() {
    FieldPath field = path();
    boolean descending = false;
    if (peek().isKeyword("ASC")) {
      index++;
    } else if (peek().isKeyword("DESC")) {
      index++;
      descending = true;
    }
    // Salesforce sorts nulls first in ascending order and last in descending order by default.
    boolean nullsFirst = !descending;
    if (peek().isKeyword("NULLS")) {
      index++;
      Token which = peek();
      if (which.isKeyword("FIRST")) {
        nullsFirst = true;
      } else if (which.isKeyword("LAST")) {
        nullsFirst = false;
      } else {
        throw unexpected(which);
      }
      index++;
    }
    return new Ast.OrderItem(field, descending, nullsFirst);
  }

  /**
   * A run of conditions joined by one operator. SOQL has no precedence between AND and OR: mixing
   * them without parentheses is a syntax error at the first operator that differs.
   */
  private Condition condition() {
    List<Condition> operands = new ArrayList<>();
    operands.add(notExpr());
    String operator = null;
    while (peek().isKeyword("AND") || peek().isKeyword("OR")) {
      String next = peek().upper();
      if (operator != null && !operator.equals(next)) {
        throw unexpected(peek());
      }
      operator = next;
      index++;
      operands.add(notExpr());
    }
    if (operator == null) {
      return operands.get(0);
    }
    return operator.equals("AND") ? new Ast.And(operands) : new Ast.Or(operands);
  }

  private Condition notExpr() {
    if (peek().isKeyword("NOT")) {
      index++;
      return new Ast.Not(notExpr());
    }
    if (peek().is(Kind.LPAREN)) {
      index++;
      Condition inner = condition();
      expect(Kind.RPAREN);
      return inner;
    }
    FieldPath field = path();
    Token op = peek();
    if (op.is(Kind.OPERATOR)) {
      index++;
      String operator = op.text().equals("<>") ? "!=" : op.text();
      return new Ast.Comparison(field, operator, literal(false));
    }
    if (op.isKeyword("LIKE")) {
      index++;
      Token pattern = peek();
      if (!pattern.is(Kind.STRING)) {
        throw unexpected(pattern);
      }
      index++;
      Pattern regex = likePattern(pattern);
      Literal literal =
          new Literal(LiteralKind.STRING, pattern.text(), pattern.row(), pattern.column());
      return new Ast.Like(field, regex, literal);
    }
    boolean negated = false;
    if (op.isKeyword("NOT")) {
      index++;
      negated = true;
      if (!peek().isKeyword("IN")) {
        throw unexpected(peek());
      }
    }
    if (peek().isKeyword("IN")) {
      index++;
      expect(Kind.LPAREN);
      List<Literal> values = new ArrayList<>();
      values.add(literal(false));
      while (peek().is(Kind.COMMA)) {
        index++;
        values.add(literal(false));
      }
      expect(Kind.RPAREN);
      return new Ast.InList(field, negated, values);
    }
    throw unexpected(op);
  }

  private FieldPath path() {
    Token first = peek();
    if (!first.is(Kind.IDENT) || isReserved(first)) {
      throw unexpected(first);
    }
    index++;
    List<String> parts = new ArrayList<>();
    parts.add(first.text());
    while (peek().is(Kind.DOT)) {
      index++;
      Token part = peek();
      if (!part.is(Kind.IDENT)) {
        throw unexpected(part);
      }
      index++;
      parts.add(part.text());
    }
    return new FieldPath(parts, first.row(), first.column());
  }

  private Literal literal(boolean inLike) {
    Token t = peek();
    index++;
    switch (t.kind()) {
      case STRING:
        return new Literal(LiteralKind.STRING, decode(t, inLike), t.row(), t.column());
      case NUMBER:
        return new Literal(LiteralKind.NUMBER, new BigDecimal(t.text()), t.row(), t.column());
      case DATE:
        try {
          return new Literal(LiteralKind.DATE, LocalDate.parse(t.text()), t.row(), t.column());
        } catch (DateTimeParseException e) {
          throw SoqlException.malformed(query, t.row(), t.column(), "Invalid date: " + t.text());
        }
      case DATETIME:
        try {
          return new Literal(
              LiteralKind.DATETIME,
              FieldValues.parseDateTime(normaliseOffset(t.text())),
              t.row(),
              t.column());
        } catch (DateTimeParseException e) {
          throw SoqlException.malformed(
              query, t.row(), t.column(), "Invalid datetime: " + t.text());
        }
      case IDENT:
        if (t.isKeyword("TRUE") || t.isKeyword("FALSE")) {
          return new Literal(
              LiteralKind.BOOLEAN, Boolean.valueOf(t.text().toLowerCase()), t.row(), t.column());
        }
        if (t.isKeyword("NULL")) {
          return new Literal(LiteralKind.NULL, null, t.row(), t.column());
        }
        break;
      default:
        break;
    }
    index--;
    throw unexpected(t);
  }

  /** Decodes Salesforce's backslash escapes; {@code \%} and {@code \_} only exist in LIKE. */
  private String decode(Token token, boolean inLike) {
    StringBuilder out = new StringBuilder();
    walk(token, inLike, out::append, wildcard -> out.append(wildcard));
    return out.toString();
  }

  /**
   * Translates a LIKE pattern to a regex: {@code %} and {@code _} are wildcards unless escaped, and
   * matching ignores case as SOQL string comparison does.
   */
  private Pattern likePattern(Token token) {
    StringBuilder regex = new StringBuilder();
    walk(
        token,
        true,
        literal -> regex.append(Pattern.quote(String.valueOf(literal))),
        wildcard -> regex.append(wildcard == '%' ? ".*" : "."));
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private interface CharSink {
    void accept(char c);
  }

  /**
   * Walks a raw string literal, passing decoded characters to {@code literal} and unescaped {@code
   * %}/{@code _} to {@code wildcard}.
   */
  private void walk(Token token, boolean inLike, CharSink literal, CharSink wildcard) {
    String raw = token.text();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        if (inLike && (c == '%' || c == '_')) {
          wildcard.accept(c);
        } else {
          literal.accept(c);
        }
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case 'n', 'N' -> literal.accept('\n');
        case 'r', 'R' -> literal.accept('\r');
        case 't', 'T' -> literal.accept('\t');
        case 'b', 'B' -> literal.accept('\b');
        case 'f', 'F' -> literal.accept('\f');
        case '"', '\'', '\\' -> literal.accept(e);
        case 'u' -> {
          String hex = i + 4 < raw.length() ? raw.substring(i + 1, i + 5) : "";
          if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw illegalEscape(token, "\\u");
          }
          literal.accept((char) Integer.parseInt(hex, 16));
          i += 4;
        }
        case '%', '_' -> {
          if (!inLike) {
            throw illegalEscape(token, "\\" + e);
          }
          literal.accept(e);
        }
        default -> throw illegalEscape(token, "\\" + e);
      }
    }
  }

  private SoqlException illegalEscape(Token token, String sequence) {
    return SoqlException.malformed(
        query,
        token.row(),
        token.column(),
        "Invalid string literal '"
            + token.text()
            + "'. Illegal character sequence '"
            + sequence
            + "' in string literal.");
  }

  private static String normaliseOffset(String text) {
    // SOQL allows +hhmm; java.time wants +hh:mm.
    return text.matches(".*[+-]\\d{4}$")
        ? text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2)
        : text;
  }

  private void expectKeyword(String keyword) {
    Token t = peek();
    if (!t.isKeyword(keyword)) {
      throw unexpected(t);
    }
    index++;
  }

  private void expect(Kind kind) {
    Token t = peek();
    if (!t.is(kind)) {
      throw unexpected(t);
    }
    index++;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private static boolean isReserved(Token t) {
    return RESERVED.contains(t.upper());
  }

  private SoqlException unexpected(Token t) {
    return SoqlException.malformed(query, t.row(), t.column(), "unexpected token: " + t.display());
  }
}
