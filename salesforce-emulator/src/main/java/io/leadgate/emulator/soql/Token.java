package io.leadgate.emulator.soql;

import java.util.Locale;

/** A lexical token with its one-based position, as Salesforce reports positions. */
record Token(Kind kind, String text, int row, int column) {

  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    DATE,
    DATETIME,
    OPERATOR,
    COMMA,
    DOT,
    LPAREN,
    RPAREN,
    EOF
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** How Salesforce names the token in "unexpected token" messages. */
  String display() {
    return kind == Kind.EOF ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
