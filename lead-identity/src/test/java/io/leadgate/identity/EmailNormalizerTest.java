package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormalizerTest {

  private final EmailNormalizer keepTags = new EmailNormalizer(false);
  private final EmailNormalizer foldTags = new EmailNormalizer(true);

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Ada@Lovelace.EXAMPLE '  | ada@lovelace.example",
        "ada@lovelace.example       | ada@lovelace.example",
        "ADA.KING@EXAMPLE.CO.UK     | ada.king@example.co.uk",
        "ada+news@x.com             | ada+news@x.com",
        "mailto:Ada@X.com           | ada@x.com",
        "ada@x.com.                 | ada@x.com",
        "ada@bücher.example         | ada@xn--bcher-kva.example",
        "ada@BÜCHER.example         | ada@xn--bcher-kva.example",
        "ada@xn--bcher-kva.example  | ada@xn--bcher-kva.example",
        "josé@example.com           | josé@example.com",
        "o'brien@example.ie         | o'brien@example.ie",
        "ada@例え.jp                 | ada@xn--r8jz45g.jp",
        "'\u00a0ada@x.com\u200b\ufeff' | ada@x.com",
      })
  void normalisesAddresses(String raw, String expected) {
    assertThat(keepTags.normalize(raw)).contains(expected);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ada+news@x.com      | ada@x.com",
        "Ada+News+More@X.com | ada@x.com",
        "ada@x.com           | ada@x.com",
        "+news@x.com         | +news@x.com",
      })
  void foldsPlusTagsWhenTheTeamAsks(String raw, String expected) {
    assertThat(foldTags.normalize(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "\t\n",
        "ada",
        "ada.lovelace.example",
        "@x.com",
        "ada@",
        "ada@@x.com",
        "ada@b@x.com",
        "ada lovelace@x.com",
        "ada@x .com",
        "ada@localhost",
        "ada@x..com",
        "ada@.x.com",
        "ada@-x.com",
        "ada@x_y.com",
        ".ada@x.com",
        "ada.@x.com",
        "a..da@x.com",
        "<ada@x.com>",
        "Ada Lovelace <ada@x.com>",
        "ada\u0000@x.com",
        "ada\u200b@x.com",
        "ada\u0007@x.com",
        "\"ada\"@x.com",
      })
  void rejectsWhatIsNotAnAddress(String raw) {
    assertThat(keepTags.normalize(raw)).isEmpty();
    assertThat(foldTags.normalize(raw)).isEmpty();
  }

  static Stream<Arguments> oversized() {
    return Stream.of(
        Arguments.of("a".repeat(65) + "@x.com"),
        Arguments.of("ada@" + "a".repeat(64) + ".com"),
        Arguments.of("ada@" + "abc.".repeat(70) + "com"),
        Arguments.of("a".repeat(1_000_000) + "@x.com"),
        Arguments.of(" ".repeat(100_000)));
  }

  @ParameterizedTest
  @MethodSource("oversized")
  void rejectsOversizedInput(String raw) {
    assertThat(keepTags.normalize(raw)).isEmpty();
  }

  @Test
  void longestLegalLocalPartIsKept() {
    String local = "a".repeat(64);
    assertThat(keepTags.normalize(local + "@x.com")).isEqualTo(Optional.of(local + "@x.com"));
  }

  @Test
  void exposesItsConfiguration() {
    assertThat(foldTags.foldsPlusTags()).isTrue();
    assertThat(keepTags.foldsPlusTags()).isFalse();
  }
}
