package io.leadgate.dedup.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.identity.IdentityKeys;
import io.leadgate.identity.IdentityNormalizer;
import io.leadgate.identity.IdentityPolicy;
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
}
