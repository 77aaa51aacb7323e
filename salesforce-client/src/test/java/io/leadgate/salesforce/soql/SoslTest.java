package io.leadgate.salesforce.soql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoslTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "ada@lovelace.example | \"ada@lovelace.example\"",
        "o'brien+x@y.example  | \"o\\'brien\\+x@y.example\"",
        "a\"b                 | \"a\\\"b\"",
        "} OR {               | \"\\} OR \\{\"",
        "x*?                  | \"x\\*\\?\"",
        "back\\slash          | \"back\\\\slash\""
      })
  void phrasesEscapeReservedCharacters(String value, String expected) {
    assertThat(Sosl.phrase(value)).isEqualTo(expected);
  }

  @Test
  void controlCharactersBecomeSpaces() {
    assertThat(Sosl.phrase("a\nb\u0000c")).isEqualTo("\"a b c\"");
  }

  @Test
  void clausesStayWithinTheBudgetAndKeepEveryValue() {
    List<String> values = IntStream.range(0, 500).mapToObj(i -> "p" + i + "@x.example").toList();

    List<String> clauses = Sosl.findClauses(values, 1_000);

    assertThat(clauses)
        .hasSizeGreaterThan(1)
        .allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(1_000));
    assertThat(String.join(" OR ", clauses).split(" OR ")).hasSize(500);
  }
}
