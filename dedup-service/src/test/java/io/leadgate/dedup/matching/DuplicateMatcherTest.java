package io.leadgate.dedup.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
import io.leadgate.identity.MatchThreshold;
import io.leadgate.identity.NameCompany;
import io.leadgate.identity.NameCompanySimilarity;
import io.leadgate.identity.RawIdentity;
import io.leadgate.salesforce.Candidate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuplicateMatcherTest {

  private final IdentityNormalizer normalizer =
      new IdentityNormalizer(new IdentityPolicy("US", false));
  private final DuplicateMatcher matcher = new DuplicateMatcher(normalizer);

  private IdentityKeys lead(String email, String linkedin, String phone) {
    return normalizer.keys(
        new RawIdentity("Ada", "Lovelace", email, phone, "Analytical", linkedin));
  }

  private static Candidate candidate(
      String object, String id, String email, String linkedin, String phone) {
    return new Candidate(
        object,
        id,
        "Ada",
        "Lovelace",
        email,
        phone,
        "Analytical",
        linkedin,
        "Jane Roe",
        "jane@x.example");
  }

  @ParameterizedTest(name = "[{index}] lead {0} vs record {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ada@lovelace.example      | ada@lovelace.example | email",
        "'  ADA@Lovelace.EXAMPLE ' | ada@lovelace.example | email",
        "ada@lovelace.example      | Ada@LOVELACE.example | email",
        "ada@lovelace.example      | ada@lovelace.org     | ''",
        "ada@lovelace.example      |                      | ''"
      })
  void emailsMatchAfterNormalisation(String leadEmail, String recordEmail, String matchedOn) {
    Optional<Verdict> verdict =
        matcher.match(
            lead(leadEmail, null, null),
            List.of(candidate("Lead", "00Q1", recordEmail, null, null)));

    assertThat(verdict.map(Verdict::matchedOn).orElse("")).isEqualTo(matchedOn);
  }

  @Test
  void linkedinVariantsAndPhoneFormatsMatch() {
    IdentityKeys keys =
        lead(null, "https://uk.linkedin.com/in/ada-lovelace/?trk=x", "(415) 555-0100");

    assertThat(
            matcher.match(
                keys,
                List.of(candidate("Lead", "00Q1", null, "linkedin.com/in/Ada-Lovelace", null))))
        .map(Verdict::matchedOn)
        .hasValue("linkedin");
    assertThat(
            matcher.match(keys, List.of(candidate("Lead", "00Q1", null, null, "+1 415-555-0100"))))
        .map(Verdict::matchedOn)
        .hasValue("phone");
  }

  @Test
  void aContactWinsOverALeadAndEmailOverPhone() {
    IdentityKeys keys = lead("ada@lovelace.example", null, "+14155550100");
    List<Candidate> candidates =
        List.of(
            candidate("Lead", "00Q1", "ada@lovelace.example", null, null),
            candidate("Contact", "0031", null, null, "+1 415 555 0100"),
            candidate("Contact", "0032", "ada@lovelace.example", null, null));

    Verdict verdict = matcher.match(keys, candidates).orElseThrow();

    assertThat(verdict.record().id()).isEqualTo("0032");
    assertThat(verdict.explanation())
        .isEqualTo("Contact by email; owner Jane Roe <jane@x.example>; confidence 1.0");
  }

  @Test
  void candidatesFoundForOtherLeadsOfTheBatchDoNotMatch() {
    IdentityKeys keys = lead("ada@lovelace.example", null, null);

    assertThat(
            matcher.match(
                keys, List.of(candidate("Lead", "00Q9", "grace@navy.example", null, null))))
        .isEmpty();
  }

  private static Candidate person(String id, String first, String last, String company) {
    return new Candidate(
        "Lead", id, first, last, null, null, company, null, "Jane Roe", "jane@x.example");
  }

  private static final Optional<MatchThreshold> FUZZY = Optional.of(MatchThreshold.DEFAULT);

  /** Candidates of many surnames: the blocked fuzzy pass must find what scoring all would. */
  private static final List<Candidate> CROWD =
      List.of(
          person("00Q1", "John", "Smith", "Acme"),
          person("00Q2", "Jane", "Smith", "Acme"),
          person("00Q3", "John", "Brown", "Acme"),
          person("00Q4", "Ada", "Lovelace", "Analytical Engines"),
          person("00Q5", "Grace", "Hopper", "US Navy"),
          person("00Q6", "Smith", "John", "Globex"),
          person("00Q7", "Ada", null, "Analytical Engines"),
          person("00Q8", "Robert", "O'Brien", "Initech"),
          person("00Q9", "Ann", "Okafor", "Acme"));

  @ParameterizedTest(name = "[{index}] {0} {1} at {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "John   | Smith    | Acme Inc.          | 00Q1",
        "John   | Smyth    | Acme               | 00Q1",
        "Jonh   | Smith    | Acme               | 00Q1",
        "Smith  | John     | Acme               | 00Q1",
        "J.     | Smith    | Acme               | 00Q1",
        "Bob    | OBrien   | Initech Inc        | 00Q8",
        "John   | Smith    | Globex             | 00Q6",
        "Ada    | Lovelace | Analytical Engines | 00Q4",
        "Ada    | Lovelase | Analytical Engines | 00Q4",
        "Ann    | Okafor   | Acme               | 00Q9",
        "Ann    | Brown    | Acme               | ''",
        "Grace  | Hopper   | Acme               | ''",
        "Priya  | Smith    | Acme               | ''",
      })
  void blockedFuzzyMatchingFindsWhatScoringEveryCandidateFinds(
      String first, String last, String company, String expected) {
    NameCompany name = new NameCompany(first, last, company);
    IdentityKeys keys = normalizer.keys(new RawIdentity(first, last, null, null, company, null));

    Optional<Verdict> verdict = matcher.prepare(CROWD).match(keys, name, FUZZY);

    assertThat(verdict.map(v -> v.record().id()).orElse("")).isEqualTo(expected);
    assertThat(verdict.map(v -> v.record().id())).isEqualTo(exhaustive(name).map(Candidate::id));
  }

  @Test
  void blockedFuzzyMatchingAgreesWithExhaustiveScoringOnGeneratedNames() {
    String[] firsts = {"John", "Jon", "Ada", "Bob", "Robert", "Kate", "Smith", "J."};
    String[] lasts = {"Smith", "Smyth", "Simth", "Lovelace", "Brown", "O'Brien", "John", "S."};
    String[] companies = {"Acme", "Acme Inc.", "Globex", "The Acme Company", ""};
    java.util.Random random = new java.util.Random(11);
    List<Candidate> crowd = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      crowd.add(
          person(
              String.format("00Q%04d", i),
              firsts[random.nextInt(firsts.length)],
              lasts[random.nextInt(lasts.length)],
              companies[random.nextInt(companies.length)]));
    }
    DuplicateMatcher.Prepared prepared = matcher.prepare(crowd);
    int matched = 0;
    for (int probe = 0; probe < 300; probe++) {
      NameCompany name =
          new NameCompany(
              firsts[random.nextInt(firsts.length)],
              lasts[random.nextInt(lasts.length)],
              companies[random.nextInt(companies.length)]);
      IdentityKeys keys =
          normalizer.keys(
              new RawIdentity(name.first(), name.last(), null, null, name.company(), null));
      Optional<String> blocked = prepared.match(keys, name, FUZZY).map(v -> v.record().id());
      assertThat(blocked).as("%s", name).isEqualTo(exhaustive(crowd, name).map(Candidate::id));
      matched += blocked.isPresent() ? 1 : 0;
    }
    assertThat(matched).isPositive().isLessThan(300);
  }

  @Test
  void rememberedCandidatesScoreAsIfTheSearchHadReturnedThem() {
    String[] firsts = {"John", "Jon", "Ada", "Bob", "Robert", "Kate", "Smith", "J."};
    String[] lasts = {"Smith", "Smyth", "Simth", "Lovelace", "Brown", "O'Brien", "John", null};
    String[] companies = {"Acme", "Acme Inc.", "Globex", "The Acme Company", ""};
    java.util.Random random = new java.util.Random(7);
    List<Candidate> crowd = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      crowd.add(
          person(
              String.format("00Q%04d", i),
              firsts[random.nextInt(firsts.length)],
              lasts[random.nextInt(lasts.length)],
              companies[random.nextInt(companies.length)]));
    }
    // A third found by this batch's search, the rest (and a few of those again) remembered.
    DuplicateMatcher.Prepared found = matcher.prepare(crowd.subList(0, 100));
    List<DuplicateMatcher.FuzzyCandidate> remembered =
        crowd.subList(90, 300).stream().map(matcher::fuzzyCandidate).toList();
    int matched = 0;
    for (int probe = 0; probe < 300; probe++) {
      NameCompany name =
          new NameCompany(
              firsts[random.nextInt(firsts.length)],
              lasts[random.nextInt(lasts.length)],
              companies[random.nextInt(companies.length)]);
      IdentityKeys keys =
          normalizer.keys(
              new RawIdentity(name.first(), name.last(), null, null, name.company(), null));
      Optional<String> verdict =
          found.match(keys, name, FUZZY, remembered).map(v -> v.record().id());
      assertThat(verdict).as("%s", name).isEqualTo(exhaustive(crowd, name).map(Candidate::id));
      matched += verdict.isPresent() ? 1 : 0;
    }
    assertThat(matched).isPositive().isLessThan(300);
  }

  private static Optional<Candidate> exhaustive(NameCompany name) {
    return exhaustive(CROWD, name);
  }

  /** The reference: every candidate scored, best by Contact first, then score, then id. */
  private static Optional<Candidate> exhaustive(List<Candidate> crowd, NameCompany name) {
    NameCompanySimilarity similarity = new NameCompanySimilarity();
    return crowd.stream()
        .filter(
            c ->
                MatchThreshold.DEFAULT.accepts(
                    similarity.score(
                        name, new NameCompany(c.firstName(), c.lastName(), c.company()))))
        .min(
            java.util.Comparator.comparing((Candidate c) -> c.object().equals("Contact") ? 0 : 1)
                .thenComparing(
                    c ->
                        -similarity.score(
                            name, new NameCompany(c.firstName(), c.lastName(), c.company())))
                .thenComparing(Candidate::id));
  }
}
