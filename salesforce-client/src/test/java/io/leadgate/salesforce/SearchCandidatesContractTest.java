package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** searchCandidates (SOSL) against an emulated org, through the real WSC client over HTTP. */
class SearchCandidatesContractTest {

  private static EmulatedSalesforce salesforce;

  private TestOrg org;

  @BeforeAll
  static void startEmulator() {
    salesforce = EmulatedSalesforce.start();
  }

  @AfterAll
  static void stopEmulator() {
    salesforce.close();
  }

  @BeforeEach
  void newOrg() {
    org = salesforce.newOrg();
  }

  @Test
  void oneSearchFindsLeadsAndContactsWithOwnersByEmailLinkedinAndLastName() {
    String acme = org.org().seed("Account", Map.of("Name", "Acme Corp"));
    String grace =
        org.seed(
            "Contact",
            Map.of(
                "FirstName", "Grace",
                "LastName", "Hopper",
                "Email", "Grace.Hopper@Example.COM",
                "AccountId", acme));
    String ada =
        org.seed(
            "Lead",
            Map.of(
                "FirstName", "Ada",
                "LastName", "Lovelace",
                "Company", "Analytical Engines",
                "LinkedIn_URL__c", "https://www.linkedin.com/in/ada-lovelace/"));
    String bob =
        org.seed("Lead", Map.of("FirstName", "Bob", "LastName", "Babbage", "Company", "Engines"));
    org.seed(
        "Lead",
        Map.of(
            "LastName",
            "Converted",
            "Company",
            "X",
            "Email",
            "conv@x.example",
            "IsConverted",
            true));
    org.seed("Lead", Map.of("LastName", "Unrelated", "Company", "Y", "Email", "other@x.example"));
    long before = org.calls();

    CandidateResult result;
    try (SalesforceClient client = org.client()) {
      result =
          client.searchCandidates(
              new CandidateQuery(
                  Set.of("grace.hopper@example.com", "conv@x.example"),
                  Set.of("linkedin.com/in/ada-lovelace"),
                  Set.of(),
                  Set.of("Babbage")));
    }

    assertThat(result.candidates())
        .extracting(Candidate::id)
        .containsExactlyInAnyOrder(grace, ada, bob);
    Candidate contact =
        result.candidates().stream().filter(c -> c.id().equals(grace)).findFirst().orElseThrow();
    assertThat(contact.object()).isEqualTo("Contact");
    assertThat(contact.company()).isEqualTo("Acme Corp");
    assertThat(contact.ownerName()).isEqualTo(EmulatedSalesforce.OWNER_NAME);
    assertThat(contact.ownerEmail()).isEqualTo(EmulatedSalesforce.OWNER_EMAIL);
    assertThat(result.calls()).isEqualTo(1);
    assertThat(org.calls() - before).isEqualTo(1);
  }

  @Test
  void phonesCostASecondSearchInPhoneFieldsAndCallsAreForetold() {
    String lead =
        org.seed("Lead", Map.of("LastName", "Phoned", "Company", "P", "Phone", "(415) 555-0100"));
    CandidateQuery query =
        new CandidateQuery(Set.of("nobody@x.example"), Set.of(), Set.of("+14155550100"), Set.of());

    try (SalesforceClient client = org.client()) {
      int foretold = client.callsToSearch(query);
      CandidateResult result = client.searchCandidates(query);

      assertThat(result.candidates()).extracting(Candidate::id).containsExactly(lead);
      assertThat(result.calls()).isEqualTo(2).isEqualTo(foretold);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\" OR \"*",
        "} RETURNING User(Id",
        "a\\b",
        "o'brien@x.example",
        "*",
        "a OR b",
        "line\nbreak",
        "日本@例え.jp"
      })
  void hostileValuesNeitherFailNorMatchOtherRecords(String hostile) {
    org.seed("Lead", Map.of("LastName", "Bystander", "Company", "B", "Email", "by@x.example"));

    try (SalesforceClient client = org.client()) {
      CandidateResult result =
          client.searchCandidates(
              new CandidateQuery(Set.of(hostile), Set.of(), Set.of(), Set.of(hostile)));

      assertThat(result.candidates()).extracting(Candidate::lastName).doesNotContain("Bystander");
    }
  }

  @Test
  void aRecordWithReservedCharactersInItsEmailIsFound() {
    String id = org.seed("Contact", Map.of("LastName", "Quote", "Email", "o'brien+news@x.example"));

    try (SalesforceClient client = org.client()) {
      assertThat(
              client
                  .searchCandidates(
                      new CandidateQuery(Set.of("o'brien+news@x.example"), Set.of(), Set.of()))
                  .candidates())
          .extracting(Candidate::id)
          .containsExactly(id);
    }
  }

  @Test
  void manyKeysAreSplitOverSearchesAndAllFound() {
    List<String> emails =
        java.util.stream.IntStream.range(0, 300)
            .mapToObj(i -> "person" + i + "@bulk.example")
            .toList();
    org.seed("Lead", Map.of("LastName", "First", "Company", "B", "Email", emails.get(0)));
    org.seed("Lead", Map.of("LastName", "Last", "Company", "B", "Email", emails.get(299)));

    try (SalesforceClient client = org.client()) {
      CandidateQuery query = new CandidateQuery(Set.copyOf(emails), Set.of(), Set.of());
      CandidateResult result = client.searchCandidates(query);

      assertThat(result.candidates()).extracting(Candidate::lastName).contains("First", "Last");
      assertThat(result.calls()).isGreaterThan(1).isEqualTo(client.callsToSearch(query));
    }
  }

  @Test
  void recordsNewerThanTheSearchIndexAreNotFoundYet() {
    org.org().setSearchIndexDelay(Duration.ofMinutes(2));
    org.seed("Lead", Map.of("LastName", "Fresh", "Company", "F", "Email", "fresh@x.example"));
    CandidateQuery query = new CandidateQuery(Set.of("fresh@x.example"), Set.of(), Set.of());

    try (SalesforceClient client = org.client()) {
      assertThat(client.searchCandidates(query).candidates()).isEmpty();
      salesforce.advanceClock(Duration.ofMinutes(3));
      assertThat(client.searchCandidates(query).candidates()).hasSize(1);
    }
  }
}
