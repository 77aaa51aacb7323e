package io.leadgate.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameCompanySimilarityTest {

  private static final MatchThreshold DEFAULT = MatchThreshold.DEFAULT;

  private final NameCompanySimilarity similarity = new NameCompanySimilarity();

  private static NameCompany nc(String first, String last, String company) {
    return new NameCompany(first, last, company);
  }

  static Stream<Arguments> samePerson() {
    return Stream.of(
        Arguments.of(
            nc("Ada", "Lovelace", "Analytical Engines"),
            nc("ada", "LOVELACE", "analytical engines")),
        Arguments.of(nc("Bob", "Smith", "Acme"), nc("Robert", "Smith", "Acme Inc.")),
        Arguments.of(
            nc("Kate", "Jones", "Globex"), nc("Katherine", "Jones", "The Globex Corporation")),
        Arguments.of(nc("J.", "Smith", "Acme"), nc("John", "Smith", "Acme")),
        Arguments.of(nc("Smith", "John", "Acme"), nc("John", "Smith", "Acme")),
        Arguments.of(nc("Smith", "Bob", "Acme"), nc("Robert", "Smith", "Acme")),
        Arguments.of(nc("Jonh", "Smith", "Acme"), nc("John", "Smith", "Acme")),
        Arguments.of(nc("José", "Müller", "Acme"), nc("Jose", "Muller", "ACME GmbH")),
        Arguments.of(
            nc("Ada", "Lovelace", "Engines Analytical"),
            nc("Ada", "Lovelace", "Analytical Engines")),
        Arguments.of(nc("Ada", "Lovelace", null), nc("Ada", "Lovelace", "")),
        Arguments.of(nc("John", "O'Brien", "Acme"), nc("John", "OBrien", "Acme")));
  }

  @ParameterizedTest
  @MethodSource("samePerson")
  void matchesTheSamePerson(NameCompany a, NameCompany b) {
    assertThat(similarity.matches(a, b, MatchThreshold.DEFAULT))
        .as("score %s", similarity.score(a, b))
        .isTrue();
    assertThat(similarity.matches(b, a, MatchThreshold.DEFAULT)).isTrue();
  }

  static Stream<Arguments> differentPeople() {
    return Stream.of(
        Arguments.of(nc("John", "Smith", "Acme"), nc("Jane", "Smith", "Acme")),
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Smith", "Globex")),
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Brown", "Acme")),
        Arguments.of(nc("Ada", "Lovelace", "Acme"), nc("Charles", "Babbage", "Globex")),
        Arguments.of(nc("J.", "Smith", "Acme"), nc("K.", "Smith", "Acme")),
        Arguments.of(nc(null, "Smith", "Acme"), nc("Jane", "Smith", "Acme")),
        Arguments.of(nc("Jane", "Smith", null), nc("Jane", "Smith", "Acme")),
        Arguments.of(nc("Jane", null, null), nc("Jane", null, null)),
        Arguments.of(nc(null, null, null), nc(null, null, null)));
  }

  @ParameterizedTest
  @MethodSource("differentPeople")
  void doesNotMatchDifferentPeopleOrTooLittleEvidence(NameCompany a, NameCompany b) {
    assertThat(similarity.matches(a, b, MatchThreshold.DEFAULT))
        .as("score %s", similarity.score(a, b))
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("samePerson")
  void theBlockingBoundKeepsEverySamePerson(NameCompany a, NameCompany b) {
    assertThat(similarity.mayMatch(similarity.prepare(a), similarity.prepare(b), DEFAULT)).isTrue();
    assertThat(similarity.mayMatch(similarity.prepare(b), similarity.prepare(a), DEFAULT)).isTrue();
  }

  /** Which candidates the blocking bound lets through to scoring, and which it skips unscored. */
  static Stream<Arguments> blocking() {
    return Stream.of(
        Arguments.of(nc("John", "Smith", "Acme"), nc("Jane", "Smith", "Globex"), 0.88, true),
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Smyth", "Acme"), 0.88, true),
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Simth", "Acme"), 0.88, true),
        Arguments.of(nc("John", "S.", "Acme"), nc("John", "Smith", "Acme"), 0.88, true),
        Arguments.of(nc("Smith", "John", "Acme"), nc("John", "Smith", "Acme"), 0.88, true),
        Arguments.of(nc("Ada", "O'Brien", null), nc("Ada", "OBrien", null), 0.88, true),
        Arguments.of(nc("Ada", null, "Acme"), nc("Ada", null, "Acme"), 0.88, true),
        // Different surnames, no letters in common to speak of: skipped.
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Brown", "Acme"), 0.88, false),
        Arguments.of(nc("John", "Smith", "Acme"), nc("Ann", "Okafor", "Acme"), 0.88, false),
        Arguments.of(nc("John", "Lovelace", "Acme"), nc("John", "Babbage", "Acme"), 0.88, false),
        // A surname known on one side only caps the score at 0.8.
        Arguments.of(nc("Ada", "Lovelace", "Acme"), nc("Ada", null, "Acme"), 0.88, false),
        Arguments.of(nc("Ada", "Lovelace", "Acme"), nc("Ada", null, "Acme"), 0.75, true),
        // The lower the bar, the more the bound lets through.
        Arguments.of(nc("John", "Smith", "Acme"), nc("John", "Brown", "Acme"), 0.5, true));
  }

  @ParameterizedTest
  @MethodSource("blocking")
  void theBlockingBoundSkipsOnlyWhatCannotMatch(
      NameCompany a, NameCompany b, double threshold, boolean kept) {
    MatchThreshold bar = MatchThreshold.of(threshold);
    NameCompanySimilarity.Prepared pa = similarity.prepare(a);
    NameCompanySimilarity.Prepared pb = similarity.prepare(b);
    assertThat(similarity.mayMatch(pa, pb, bar))
        .as("bound %s, score %s", similarity.upperBound(pa, pb), similarity.score(pa, pb))
        .isEqualTo(kept);
    assertThat(similarity.upperBound(pa, pb)).isGreaterThanOrEqualTo(similarity.score(pa, pb));
  }

  @Test
  void theBoundOfACandidateDependsOnlyOnItsLastName() {
    NameCompanySimilarity.Prepared capture = similarity.prepare(nc("John", "Smith", "Acme"));
    NameCompanySimilarity.Prepared one = similarity.prepare(nc("Ann", "Smyth", "Globex"));
    NameCompanySimilarity.Prepared other = similarity.prepare(nc(null, "SMYTH", null));
    assertThat(one.lastNameKey()).isEqualTo(other.lastNameKey()).isEqualTo("smyth");
    assertThat(similarity.upperBound(capture, one))
        .isEqualTo(similarity.upperBound(capture, other));
    assertThat(similarity.prepare(nc("Ann", " ", "Acme")).lastNameKey()).isNull();
  }

  @Test
  void identicalTriplesScoreOne() {
    NameCompany ada = nc("Ada", "Lovelace", "Analytical Engines Ltd");
    assertThat(similarity.score(ada, ada)).isEqualTo(1.0);
  }

  @Test
  void typosScoreBelowExactButAboveDifferentNames() {
    double exact = similarity.score(nc("John", "Smith", "Acme"), nc("John", "Smith", "Acme"));
    double typo = similarity.score(nc("John", "Smyth", "Acme"), nc("John", "Smith", "Acme"));
    double other = similarity.score(nc("John", "Brown", "Acme"), nc("John", "Smith", "Acme"));
    assertThat(exact).isGreaterThan(typo);
    assertThat(typo).isGreaterThan(other);
  }

  @Test
  void transpositionCostsALittle() {
    double swapped = similarity.score(nc("Smith", "John", "Acme"), nc("John", "Smith", "Acme"));
    assertThat(swapped).isCloseTo(NameCompanySimilarity.TRANSPOSITION_FACTOR, within(1e-9));
  }

  @Test
  void nullTriplesScoreZero() {
    assertThat(similarity.score(null, nc("Ada", "Lovelace", "Acme"))).isZero();
  }

  @Test
  void stricterTeamsCanRaiseTheBar() {
    NameCompany initial = nc("J.", "Smith", "Acme");
    NameCompany full = nc("John", "Smith", "Acme");
    assertThat(similarity.matches(initial, full, MatchThreshold.of(0.9))).isTrue();
    assertThat(similarity.matches(initial, full, MatchThreshold.of(0.99))).isFalse();
  }

  @Test
  void longInputsStayCheap() {
    String longName = "a".repeat(1_000_000);
    long start = System.nanoTime();
    double score = similarity.score(nc(longName, longName, longName), nc(longName + "b", "x", "y"));
    assertThat(score).isBetween(0.0, 1.0);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
  void thresholdMustBeAProbability(double value) {
    assertThatIllegalArgumentException().isThrownBy(() -> MatchThreshold.of(value));
  }
}
