package io.leadgate.emulator.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SOQL statement into tokens. String literals keep their escapes: whether {@code \%} is
 * legal depends on whether the literal belongs to a LIKE, which only the parser knows.
 */
final class Lexer {

  private static final Pattern DATE_OR_DATETIME =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2}))?");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private final String input;
  private int pos;
  private int row = 1;
  private int column = 1;

  Lexer(String input) {
    this.input = input;
  }

  List<Token> tokenize() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= input.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", row, column));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private Token next() {
    char c = input.charAt(pos);
    int startRow = row;
    int startColumn = column;
    if (Character.isLetter(c) || c == '_') {
      int end = pos;
      while (end < input.length()
          && (Character.isLetterOrDigit(input.charAt(end)) || input.charAt(end) == '_')) {
        end++;
      }
      return take(Token.Kind.IDENT, end, startRow, startColumn);
    }
    if (Character.isDigit(c)
        || ((c == '-' || c == '+')
            && pos + 1 < input.length()
            && Character.isDigit(input.charAt(pos + 1)))) {
      Matcher date = DATE_OR_DATETIME.matcher(input).region(pos, input.length());
      if (Character.isDigit(c) && date.lookingAt()) {
        Token.Kind kind = date.group(1) == null ? Token.Kind.DATE : Token.Kind.DATETIME;
        return take(kind, date.end(), startRow, startColumn);
      }
      Matcher number = NUMBER.matcher(input).region(pos, input.length());
      number.lookingAt();
      return take(Token.Kind.NUMBER, number.end(), startRow, startColumn);
    }
    if (c == '\'') {
      return string(startRow, startColumn);
    }
    switch (c) {
      case ',':
        return take(Token.Kind.COMMA, pos + 1, startRow, startColumn);
      case '.':
        return take(Token.Kind.DOT, pos + 1, startRow, startColumn);
      case '(':
        return take(Token.Kind.LPAREN, pos + 1, startRow, startColumn);
      case ')':
        return take(Token.Kind.RPAREN, pos + 1, startRow, startColumn);
      case '=':
        return take(Token.Kind.OPERATOR, pos + 1, startRow, startColumn);
      case '!':
        if (peek(1) == '=') {
          return take(Token.Kind.OPERATOR, pos + 2, startRow, startColumn);
        }
        break;
      case '<':
        if (peek(1) == '=' || peek(1) == '>') {
          return take(Token.Kind.OPERATOR, pos + 2, startRow, startColumn);
        }
        return take(Token.Kind.OPERATOR, pos + 1, startRow, startColumn);
      case '>':
        if (peek(1) == '=') {
          return take(Token.Kind.OPERATOR, pos + 2, startRow, startColumn);
        }
        return take(Token.Kind.OPERATOR, pos + 1, startRow, startColumn);
      default:
        break;
    }
    throw SoqlException.lexical(
        startRow, startColumn, "no viable alternative at character '" + c + "'");
  }

  private Token string(int startRow, int startColumn) {
    StringBuilder raw = new StringBuilder();
    advance(); // opening quote
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (c == '\\') {
        if (pos + 1 >= input.length()) {
          break;
        }
        raw.append(c).append(input.charAt(pos + 1));
        advance();
        advance();
        continue;
      }
      if (c == '\'') {
        advance();
        return new Token(Token.Kind.STRING, raw.toString(), startRow, startColumn);
      }
      raw.append(c);
      advance();
    }
    throw SoqlException.lexical(row, column, "mismatched character '<EOF>' expecting '''");
  }

  private Token take(Token.Kind kind, int end, int startRow, int startColumn) {
    String text = input.substring(pos, end);
    while (pos < end) {
      advance();
    }
    return new Token(kind, text, startRow, startColumn);
  }

  private char peek(int offset) {
    int i = pos + offset;
    return i < input.length() ? input.charAt(i) : '\0';
  }

  private void skipWhitespace() {
    while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
      advance();
    }
  }

  private void advance() {
    char c = input.charAt(pos++);
    if (c == '\n' || (c == '\r' && (pos >= input.length() || input.charAt(pos) != '\n'))) {
      row++;
      column = 1;
    } else if (c != '\r') {
      column++;
    }
  }
}
