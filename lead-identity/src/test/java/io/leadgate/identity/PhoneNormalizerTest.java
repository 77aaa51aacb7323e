package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  @ParameterizedTest(name = "[{index}] {0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "(650) 253-0000            | US | +16502530000",
        "650.253.0000              | US | +16502530000",
        "1-650-253-0000            | US | +16502530000",
        "+1 650 253 0000           | US | +16502530000",
        "'  +1 (650) 253-0000  '   | US | +16502530000",
        "650-253-0000 ext. 123     | US | +16502530000",
        "1-800-FLOWERS             | US | +18003569377",
        "+44 20 7031 3000          | US | +442070313000",
        "020 7031 3000             | GB | +442070313000",
        "0044 20 7031 3000         | GB | +442070313000",
        "+44 (0)20 7031 3000       | GB | +442070313000",
        "07400 123456              | GB | +447400123456",
        "+1 650 253 0000           | GB | +16502530000",
        "030 123456                | DE | +4930123456",
        "+16502530000              | ZZ | +16502530000",
        "+16502530000              | gb | +16502530000",
      })
  void formatsValidNumbersAsE164(String raw, String region, String expected) {
    assertThat(new PhoneNormalizer(region).normalize(raw)).contains(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "  ",
        "n/a",
        "12",
        "555-0100",
        "+1 555 555 5555",
        "020 7031 3000",
        "+44 20 7031",
        "+999 123 456 789",
        "1234567890123456789012",
        "😀😀😀",
      })
  void rejectsInvalidNumbersForUs(String raw) {
    assertThat(new PhoneNormalizer("US").normalize(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 650 253 0000\u0000", "\u202e+1 650 253 0000", "tel: +1 650 253 0000"})
  void libphonenumberExtractsTheNumberFromSurroundingNoise(String raw) {
    // Deliberately lenient: the number is unambiguous, so rejecting it would only lose a key.
    assertThat(new PhoneNormalizer("US").normalize(raw)).contains("+16502530000");
  }

  @Test
  void rejectsOversizedInput() {
    assertThat(new PhoneNormalizer("US").normalize("6".repeat(1_000_000))).isEmpty();
    assertThat(new PhoneNormalizer("US").normalize("+1 650 253 0000" + " ".repeat(300)))
        .contains("+16502530000");
  }

  @Test
  void numbersWithoutCountryCodeNeedARegion() {
    assertThat(new PhoneNormalizer(PhoneNormalizer.UNKNOWN_REGION).normalize("650 253 0000"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "XX", "USA", "United States"})
  void rejectsUnknownRegions(String region) {
    assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNormalizer(region));
  }

  @Test
  void rejectsMissingRegion() {
    assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNormalizer(null));
  }

  @Test
  void regionIsUpperCased() {
    assertThat(new PhoneNormalizer(" gb ").defaultRegion()).isEqualTo("GB");
  }
}
