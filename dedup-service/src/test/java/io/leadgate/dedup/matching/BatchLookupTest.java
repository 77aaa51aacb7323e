package io.leadgate.dedup.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.Candidate;
import io.leadgate.salesforce.CandidateQuery;
import io.leadgate.salesforce.CandidateResult;
import io.leadgate.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a batch's look-up asks Salesforce for, and what it answers from the fuzzy candidates it
 * remembers: exact keys always searched, last names only until they are held.
 */
class BatchLookupTest {

  private static final Optional<MatchThreshold> FUZZY = Optional.of(MatchThreshold.DEFAULT);

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final FuzzyCandidates known = new FuzzyCandidates(1000, Duration.ofMinutes(5), clock);
  private final IdentityNormalizer normalizer =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private final DuplicateMatcher matcher = new DuplicateMatcher(normalizer);

  private BatchLookup.Capture capture(String first, String last, String company, String email) {
    return new BatchLookup.Capture(
        normalizer.keys(new RawIdentity(first, last, email, null, company, null)),
        new NameCompany(first, last, company));
  }

  private static Candidate lead(
      String id, String first, String last, String company, String email) {
    return new Candidate(
        "Lead", id, first, last, email, null, company, null, "Jane Roe", "jane@x.example");
  }

  /** Searches once for these captures (answered by {@code found}), remembering what it can. */
  private BatchLookup.Matches lookUp(List<BatchLookup.Capture> captures, Candidate... found) {
    BatchLookup lookup = BatchLookup.plan("org1", captures, true, known);
    return lookup.complete(new CandidateResult(List.of(found), 1), clock.instant(), matcher);
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} in a later batch searches {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the first batch searched "Smith"; the second batch's capture:
        "same last name                  | Smith           | ''",
        "same last name, other case      | '  SMITH '      | ''",
        "other last name                 | Jones           | Jones",
        "a longer last name holding it   | Smith-Jones     | Smith-Jones",
        "no last name                    | ''              | ''",
      })
  void aLastNameIsSearchedOnlyUntilItIsHeld(String why, String lastName, String searched) {
    lookUp(List.of(capture("John", "Smith", "Acme", "john@acme.example")));

    BatchLookup later =
        BatchLookup.plan(
            "org1", List.of(capture("Mary", lastName, "Acme", "mary@acme.example")), true, known);

    assertThat(later.query().lastNames())
        .isEqualTo(searched.isEmpty() ? Set.of() : Set.of(searched));
    assertThat(later.query().emails()).containsExactly("mary@acme.example");
  }

  @Test
  void everySpellingOfANameNotHeldIsSearchedOnce() {
    BatchLookup lookup =
        BatchLookup.plan(
            "org1",
            List.of(
                capture("Bob", "O'Brien", "Initech", "bob@initech.example"),
                capture("Rob", "O Brien", "Initech", "rob@initech.example"),
                capture("Ann", "o'brien", "Initech", "ann@initech.example"),
                capture("Kim", "O'Brien", "Initech", "kim@initech.example")),
            true,
            known);

    assertThat(lookup.query().lastNames())
        .containsExactlyInAnyOrder("O'Brien", "O Brien", "o'brien");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "held in this org, within the ttl  | org1 | 4  | ''",
        "after the ttl                     | org1 | 6  | Smith",
        "in another org                    | org2 | 1  | Smith",
      })
  void heldNamesAreOrgAndTimeBound(String why, String org, int minutesLater, String searched) {
    lookUp(List.of(capture("John", "Smith", "Acme", "john@acme.example")));
    clock.advance(Duration.ofMinutes(minutesLater));

    CandidateQuery query =
        BatchLookup.plan(
                org, List.of(capture("Mary", "Smith", "Acme", "mary@acme.example")), true, known)
            .query();

    assertThat(query.lastNames()).isEqualTo(searched.isEmpty() ? Set.of() : Set.of(searched));
  }

  @Test
  void withoutFuzzyMatchingNoLastNameIsSearched() {
    BatchLookup golden =
        BatchLookup.plan(
            "org1", List.of(capture("John", "Smith", "Acme", "john@acme.example")), false, known);

    assertThat(golden.query().lastNames()).isEmpty();
    assertThat(golden.query().emails()).containsExactly("john@acme.example");
  }

  @Test
  void aRememberedCandidateStillMatchesByNameAndCompanyWithoutBeingFetchedAgain() {
    Candidate jon = lead("00Q1", "Jonathan", "Smith", "Acme Inc", "jon@acme.example");
    Candidate other = lead("00Q2", "Peter", "Smith", "Globex", "peter@globex.example");
    lookUp(List.of(capture("Ann", "Smith", "Initech", "ann@initech.example")), jon, other);

    BatchLookup.Capture john = capture("Jonathan", "Smith", "ACME, Inc.", "john.s@acme.example");
    BatchLookup later = BatchLookup.plan("org1", List.of(john), true, known);
    // The search brings back nothing: only the exact keys were asked for.
    BatchLookup.Matches matches =
        later.complete(new CandidateResult(List.of(), 1), clock.instant(), matcher);

    assertThat(later.rememberedNames()).isEqualTo(1);
    assertThat(matches.match(john, FUZZY).map(v -> v.record().id())).hasValue("00Q1");
    // The same verdict as scoring every candidate the first search returned.
    assertThat(
            matcher
                .match(john.keys(), john.name(), List.of(jon, other), FUZZY)
                .map(v -> v.record().id()))
        .hasValue("00Q1");
  }

  @Test
  void anExactKeyIsNeverAnsweredFromMemory() {
    Candidate seeded = lead("00Q1", "Jonathan", "Smith", "Acme", "same@acme.example");
    lookUp(List.of(capture("Ann", "Smith", "Initech", "ann@initech.example")), seeded);

    BatchLookup.Capture sameEmail = capture("Zed", "Smith", "Other Co", "same@acme.example");
    BatchLookup later = BatchLookup.plan("org1", List.of(sameEmail), true, known);

    assertThat(later.query().emails()).containsExactly("same@acme.example");
    // Without fuzzy matching, only what the search returns now can match.
    assertThat(
            later
                .complete(new CandidateResult(List.of(), 1), clock.instant(), matcher)
                .match(sameEmail, Optional.empty()))
        .isEmpty();
  }

  @Test
  void aRecordLeadgateCreatedBecomesACandidateOfItsNameAtOnce() {
    lookUp(List.of(capture("Ann", "Smith", "Initech", "ann@initech.example")));
    known.sentToCreate(
        "capture-1",
        "org1",
        matcher.fuzzyCandidate(lead(null, "Grace", "Smith", "Navy", "grace@navy.example")));
    known.finished("capture-1", Optional.of("00Qnew"));

    BatchLookup.Capture again = capture("Grace", "Smith", "US Navy", "g.smith@navy.example");
    BatchLookup.Matches matches =
        BatchLookup.plan("org1", List.of(again), true, known)
            .complete(new CandidateResult(List.of(), 1), clock.instant(), matcher);

    assertThat(matches.match(again, FUZZY).map(v -> v.record().id())).hasValue("00Qnew");
  }

  @Test
  void aSearchThatRacedACreationStillHoldsTheCreatedRecord() {
    known.sentToCreate(
        "capture-1",
        "org1",
        matcher.fuzzyCandidate(lead(null, "Grace", "Hopper", "Navy", "grace@navy.example")));
    Instant searchStarted = clock.instant();
    // Created while the search ran; the search's index did not have it yet.
    known.finished("capture-1", Optional.of("00Qnew"));
    BatchLookup first =
        BatchLookup.plan(
            "org1",
            List.of(capture("Ann", "Hopper", "Initech", "ann@initech.example")),
            true,
            known);
    first.complete(new CandidateResult(List.of(), 1), searchStarted, matcher);

    assertThat(known.find("org1", "hopper").orElseThrow())
        .extracting(c -> c.candidate().id())
        .containsExactly("00Qnew");
  }

  @Test
  void aCaptureThatWasNotCreatedAddsNothing() {
    lookUp(List.of(capture("Ann", "Smith", "Initech", "ann@initech.example")));
    known.sentToCreate(
        "capture-1",
        "org1",
        matcher.fuzzyCandidate(lead(null, "Grace", "Smith", "Navy", "grace@navy.example")));
    known.finished("capture-1", Optional.empty());

    assertThat(known.find("org1", "smith").orElseThrow()).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedNamesGoFirstBeyondTheCapacity() {
    FuzzyCandidates small = new FuzzyCandidates(3, Duration.ofMinutes(5), clock);
    for (String name : List.of("Smith", "Jones", "Brown")) {
      small.found(
          "org1",
          List.of(name.toLowerCase()),
          Stream.of(lead("id-" + name, "A", name, "X", null)).map(matcher::fuzzyCandidate).toList(),
          clock.instant());
    }
    small.find("org1", "smith");
    small.found(
        "org1",
        List.of("white"),
        List.of(matcher.fuzzyCandidate(lead("id-White", "A", "White", "X", null))),
        clock.instant());

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.find("org1", "jones")).isEmpty();
    assertThat(small.find("org1", "smith")).isPresent();
    assertThat(small.find("org1", "white")).isPresent();
  }

  @ParameterizedTest(name = "[{index}] record {0} {1} is held for term {2}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "John   | Smith        | smith     | true",
        "John   | Smith-Jones  | smith     | true",
        "John   | Smith-Jones  | smith jones | true",
        "Smith  | John         | smith     | true", // swapped names score too
        "John   | Smithson     | smith     | false",
        "John   | Jones        | smith     | false",
      })
  void aSearchedNameHoldsTheRecordsWhoseNamesHoldItsWords(
      String first, String last, String term, boolean held) {
    known.found(
        "org1",
        List.of(term),
        List.of(matcher.fuzzyCandidate(lead("00Q1", first, last, "Acme", null))),
        clock.instant());

    assertThat(known.find("org1", term).orElseThrow()).hasSize(held ? 1 : 0);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Smith         | smith",
        "'  SMITH  '   | smith",
        "O'Brien       | o brien",
        "de la Cruz    | de la cruz",
        "Smith-Jones   | smith jones",
        "'-'           | ''",
      })
  void aLastNameIsKeyedByItsWords(String lastName, String term) {
    assertThat(FuzzyCandidates.term(lastName).orElse("")).isEqualTo(term);
  }
}
