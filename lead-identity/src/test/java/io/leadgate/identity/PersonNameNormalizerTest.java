package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameNormalizerTest {

  private final PersonNameNormalizer names = new PersonNameNormalizer();

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ada                | ada",
        "'  ADA  '          | ada",
        "José               | jose",
        "Zoë                | zoe",
        "Åsa                | asa",
        "Jean-Luc           | jean luc",
        "Mary   Ann         | mary ann",
        "Ｊｏｈｎ            | john",
        "Bob                | robert",
        "Rob                | robert",
        "Robbie             | robert",
        "BILL               | william",
        "Will               | william",
        "Kate               | katherine",
        "Katie              | katherine",
        "Kathy              | katherine",
        "Liz                | elizabeth",
        "Beth               | elizabeth",
        "Jim                | james",
        "Jimmy              | james",
        "Mike               | michael",
        "Dave               | david",
        "Tom                | thomas",
        "Dick               | richard",
        "Rick               | richard",
        "Peggy              | margaret",
        "Meg                | margaret",
        "Alex               | alexander",
        "Chris              | christopher",
        "Dan                | daniel",
        "Sam                | samuel",
        "Ben                | benjamin",
        "Joe                | joseph",
        "Tony               | anthony",
        "Nick               | nicholas",
        "Steve              | stephen",
        "Andy               | andrew",
        "Jen                | jennifer",
        "Jenny              | jennifer",
        "Sue                | susan",
        "Ted                | edward",
        "Ed                 | edward",
        "Matt               | matthew",
        "Pat                | patrick",
        "Robert             | robert",
        "Bob Joe            | robert joe",
        "Dr. Bob            | robert",
        "Mrs Kate           | katherine",
        "Dr                 | dr",
        "J.                 | j",
        "J.R.               | jr",
        "Ed.                | edward",
      })
  void normalisesFirstNames(String raw, String expected) {
    assertThat(names.normalizeFirst(raw)).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Lovelace           | lovelace",
        "O'Brien            | obrien",
        "O’Brien            | obrien",
        "Müller             | muller",
        "Straße             | strasse",
        "Øster              | oster",
        "Łukasiewicz        | lukasiewicz",
        "van der Berg       | van der berg",
        "Smith-Jones        | smith jones",
        "King Jr.           | king",
        "King, III          | king",
        "Jr                 | jr",
        "Bob                | bob",
        "İnönü              | inonu",
        "Иванов             | иванов",
        "王                 | 王",
      })
  void normalisesLastNames(String raw, String expected) {
    assertThat(names.normalizeLast(raw)).contains(expected);
  }

  @Test
  void plainNormaliseAppliesNoNicknames() {
    assertThat(names.normalize("Bob")).contains("bob");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t\n", "...", "-", "\u0000\u0001", "\u200b", "'", "😀"})
  void blankOrSymbolOnlyNamesAreEmpty(String raw) {
    assertThat(names.normalize(raw)).isEmpty();
    assertThat(names.normalizeFirst(raw)).isEmpty();
    assertThat(names.normalizeLast(raw)).isEmpty();
  }

  @Test
  void controlCharactersSeparateWords() {
    assertThat(names.normalize("Ada\u0000Lovelace\u0007")).contains("ada lovelace");
  }

  @Test
  void veryLongNamesAreCutNotRejected() {
    Optional<String> folded = names.normalize("A".repeat(1_000_000));
    assertThat(folded).get().asString().hasSize(TextFolding.MAX_INPUT).matches("a+");
  }

  @Test
  void nicknameTableIsLoadedAndHasNoChains() {
    Map<String, String> table = Nicknames.table();
    assertThat(table).hasSizeGreaterThan(60).containsEntry("bob", "robert");
    assertThat(table.values())
        .allSatisfy(canonical -> assertThat(table).doesNotContainKey(canonical));
  }

  @Test
  void nicknameLoaderRejectsChains() {
    String tsv = "bob\trobert\nrobert\trobin\n";
    assertThatIllegalStateException()
        .isThrownBy(() -> Nicknames.parse(new BufferedReader(new StringReader(tsv))))
        .withMessageContaining("chain");
  }

  @Test
  void nicknameLoaderRejectsConflicts() {
    String tsv = "al\talbert\nal\talan\n";
    assertThatIllegalStateException()
        .isThrownBy(() -> Nicknames.parse(new BufferedReader(new StringReader(tsv))));
  }

  @Test
  void nicknameLoaderRejectsMalformedLines() {
    assertThatIllegalStateException()
        .isThrownBy(() -> Nicknames.parse(new BufferedReader(new StringReader("bob robert\n"))));
  }
}
