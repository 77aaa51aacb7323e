package io.leadgate.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "plain@example.com | 'plain@example.com'",
        "o'brien@example.com | 'o\\'brien@example.com'",
        "back\\slash | 'back\\\\slash'",
        "' OR Name != ' | '\\' OR Name != \\''",
        "\\' OR 1=1 -- | '\\\\\\' OR 1=1 --'",
        "say \"hi\" | 'say \\\"hi\\\"'",
        "100% of_it | '100% of_it'",
        "Zoë Ångström 日本 | 'Zoë Ångström 日本'"
      })
  void quotedLiteralsEscapeTheReservedCharacters(String value, String expected) {
    assertThat(Soql.quote(value)).isEqualTo(expected);
  }

  @Test
  void controlCharactersCannotEndTheLiteral() {
    assertThat(Soql.quote("a\nb\rc\td\u0000e")).isEqualTo("'a\\nb\\rc\\td\\u0000e'");
  }

  @Test
  void likePatternsEscapeWildcards() {
    assertThat(Soql.quoteLikeContains("100%_x'")).isEqualTo("'%100\\%\\_x\\'%'");
  }

  @Test
  void aQuotedLiteralHasNoUnescapedQuoteInside() {
    String hostile = "x' OR Email LIKE '%' OR Name = '\\\\'";
    String quoted = Soql.quote(hostile);
    String inner = quoted.substring(1, quoted.length() - 1);

    for (int i = 0; i < inner.length(); i++) {
      if (inner.charAt(i) == '\\') {
        i++; // the escaped character
      } else {
        assertThat(inner.charAt(i)).isNotEqualTo('\'');
      }
    }
  }

  @Test
  void inListsQuoteEveryValue() {
    assertThat(Soql.in("Email", List.of("a@x.com", "o'b@y.com")))
        .isEqualTo("Email IN ('a@x.com','o\\'b@y.com')");
  }

  @Test
  void inChunksStayWithinTheBudgetAndKeepEveryValue() {
    List<String> values =
        IntStream.range(0, 1000).mapToObj(i -> "person" + i + "@example.com").toList();

    List<List<String>> chunks = Soql.chunkForIn(values, 2_000);

    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
    assertThat(chunks)
        .allSatisfy(
            chunk ->
                assertThat(Soql.in("Email", chunk).length())
                    .isLessThanOrEqualTo(2_000 + "Email IN ()".length()));
  }

  @Test
  void aValueLongerThanTheBudgetIsRefused() {
    assertThatThrownBy(() -> Soql.chunkForIn(List.of("x".repeat(50)), 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
