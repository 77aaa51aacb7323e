package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldingTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "L.L.C.|llc",
        "O'Brien|obrien",
        "acme.com|acme com",
        "J.R. Smith|jr smith",
        "  Mary-Jane   Watson  |mary jane watson",
        "a.b.c|abc",
        "ab.c|ab c",
        "a_b.c|a b c",
        "_a.b|a b",
        "1.a.b|1 ab",
        "S.A|sa",
        "...|''",
        "Crème Brûlée Ltd.|creme brulee ltd",
        "Straße|strasse",
      })
  void foldsAsTheRulesSay(String raw, String folded) {
    assertThat(TextFolding.fold(raw)).isEqualTo(folded);
  }

  @Provide
  Arbitrary<String> asciiText() {
    // Letters, digits and the characters the rules treat specially, plus any ASCII at all.
    Arbitrary<Character> common =
        Arbitraries.of('a', 'B', 'c', 'Z', '1', '9', '.', '\'', '`', '_', ' ', '-', ',', '&', '\t');
    Arbitrary<Character> any = Arbitraries.chars().range((char) 0, (char) 0x7f);
    return Arbitraries.frequencyOf(Tuple.of(5, common), Tuple.of(1, any))
        .list()
        .ofMaxSize(24)
        .map(
            chars -> {
              StringBuilder s = new StringBuilder();
              chars.forEach(s::append);
              return s.toString();
            });
  }

  /** The ASCII shortcut is the general rules, character for character. */
  @Property(tries = 5000)
  void theAsciiShortcutFoldsAsTheGeneralRulesDo(@ForAll("asciiText") String raw) {
    assertThat(TextFolding.foldAscii(raw)).isEqualTo(TextFolding.foldAny(raw));
  }
}
