package io.leadgate.service.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

  @Property(tries = 5_000)
  void formatsAsIsoInstantDoes(@ForAll("instants") Instant instant) {
    assertThat(IsoInstant.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
  }

  @Property(tries = 5_000)
  void readsBackWhatItWrites(@ForAll("instants") Instant instant) {
    String text = IsoInstant.format(instant);
    Instant read = IsoInstant.parse(text);
    if (read == null) {
      // Only the years ISO_INSTANT writes without four plain digits are left to the JDK.
      assertThat(text).doesNotMatch("\\d{4}-.*");
    } else {
      assertThat(read).isEqualTo(instant);
    }
  }

  /** Text in the common shape, valid or not: never read otherwise than the JDK reads it. */
  @Property(tries = 10_000)
  void neverDisagreesWithTheJdk(@ForAll("commonShape") String text) {
    Instant ours = IsoInstant.parse(text);
    Instant jdk;
    try {
      jdk = Instant.from(DateTimeFormatter.ISO_INSTANT.parse(text));
    } catch (DateTimeParseException e) {
      jdk = null;
    }
    if (ours != null) {
      assertThat(ours).isEqualTo(jdk);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-27T13:19:01Z, 1795785541, 0",
    "2026-11-27T13:19:01.5Z, 1795785541, 500000000",
    "2026-11-27T13:19:01.123456Z, 1795785541, 123456000",
    "2026-11-27T13:19:01.123456789Z, 1795785541, 123456789",
    "1970-01-01T00:00:00Z, 0, 0",
    "1969-12-31T23:59:59.999Z, -1, 999000000",
    "2024-02-29T00:00:00Z, 1709164800, 0"
  })
  void readsTheCommonForm(String text, long epochSecond, int nanos) {
    assertThat(IsoInstant.parse(text)).isEqualTo(Instant.ofEpochSecond(epochSecond, nanos));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-27T13:19:01+01:00",
        "2026-11-27T13:19:60Z",
        "2026-11-27T24:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-27t13:19:01z",
        "2026-11-27T13:19:01.Z",
        "2026-11-27T13:19:01.1234567890Z",
        "+12026-11-27T13:19:01Z",
        "2026-11-27T13:19Z",
        "2026-11-27 13:19:01Z",
        "2026-1１-27T13:19:01Z",
        ""
      })
  void leavesEverythingElseToTheGeneralParser(String text) {
    assertThat(IsoInstant.parse(text)).isNull();
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Long> anySecond =
        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
    Arbitrary<Long> nearNow = Arbitraries.longs().between(-5_000_000_000L, 5_000_000_000L);
    Arbitrary<Integer> nanos =
        Arbitraries.oneOf(
            Arbitraries.just(0),
            Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
            Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
            Arbitraries.integers().between(0, 999_999_999));
    return Combinators.combine(
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, anySecond), net.jqwik.api.Tuple.of(4, nearNow)),
            nanos)
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> commonShape() {
    Arbitrary<String> two =
        Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
    Arbitrary<String> year =
        Arbitraries.integers().between(0, 9999).map(i -> String.format("%04d", i));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(f -> "." + f));
    return Combinators.combine(year, two, two, two, two, two, fraction)
        .as(
            (y, mo, d, h, mi, s, f) ->
                y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + "Z");
  }
}
