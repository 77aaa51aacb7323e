package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** findCandidates against an emulated org, through the real WSC client over HTTP. */
class FindCandidatesContractTest {

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
  void findsLeadsAndContactsByEmailLinkedinAndPhoneInOneBatchWithOwnersAndCompanies() {
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
                "Email", "ada@lovelace.example",
                "Company", "Analytical Engines"));
    org.seed(
        "Lead",
        Map.of(
            "LastName",
            "Lovelace (converted)",
            "Email",
            "ada@lovelace.example",
            "Company",
            "Analytical Engines",
            "IsConverted",
            true));
    String linus =
        org.seed(
            "Lead",
            Map.of(
                "LastName",
                "Torvalds",
                "Company",
                "Kernel",
                "LinkedIn_URL__c",
                "https://www.linkedin.com/in/linus"));
    String alan = org.seed("Contact", Map.of("LastName", "Turing", "Phone", "+44 20 7946 0000"));
    org.seed("Lead", Map.of("LastName", "Other", "Company", "X", "Email", "other@x.example"));
    org.seed("Contact", Map.of("LastName", "Other", "Phone", "+44 20 7946 0001"));

    CandidateQuery query =
        new CandidateQuery(
            Set.of("grace.hopper@example.com", "ada@lovelace.example"),
            Set.of("https://www.linkedin.com/in/linus"),
            Set.of("+44 20 7946 0000"));
    try (SalesforceClient client = org.client()) {
      long before = org.calls();
      CandidateResult result = client.findCandidates(query);

      assertThat(result.calls()).isEqualTo(2);
      assertThat(org.calls() - before).isEqualTo(2);
      assertThat(client.callsToFind(query)).isEqualTo(2);
      Map<String, Candidate> byId = byId(result);
      assertThat(byId).containsOnlyKeys(grace, ada, linus, alan);

      assertThat(byId.get(grace))
          .isEqualTo(
              new Candidate(
                  "Contact",
                  grace,
                  "Grace",
                  "Hopper",
                  "Grace.Hopper@Example.COM",
                  null,
                  "Acme Corp",
                  null,
                  EmulatedSalesforce.OWNER_NAME,
                  EmulatedSalesforce.OWNER_EMAIL));
      assertThat(byId.get(ada))
          .isEqualTo(
              new Candidate(
                  "Lead",
                  ada,
                  "Ada",
                  "Lovelace",
                  "ada@lovelace.example",
                  null,
                  "Analytical Engines",
                  null,
                  EmulatedSalesforce.OWNER_NAME,
                  EmulatedSalesforce.OWNER_EMAIL));
      assertThat(byId.get(linus).object()).isEqualTo("Lead");
      assertThat(byId.get(linus).linkedinUrl()).isEqualTo("https://www.linkedin.com/in/linus");
      assertThat(byId.get(linus).company()).isEqualTo("Kernel");
      assertThat(byId.get(alan).object()).isEqualTo("Contact");
      assertThat(byId.get(alan).phone()).isEqualTo("+44 20 7946 0000");
      assertThat(byId.get(alan).company()).as("a Contact without an Account").isNull();
      assertThat(byId.get(alan).ownerName()).isEqualTo(EmulatedSalesforce.OWNER_NAME);
    }
  }

  @Test
  void anEmptyQueryCostsNothing() {
    CandidateQuery empty = new CandidateQuery(Set.of(), Set.of(), Set.of());
    try (SalesforceClient client = org.client()) {
      long before = org.calls();
      assertThat(client.findCandidates(empty)).isEqualTo(new CandidateResult(List.of(), 0));
      assertThat(client.callsToFind(empty)).isZero();
      assertThat(org.calls()).isEqualTo(before);
    }
  }

  @Test
  void aBatchTooLongForOneStatementIsSplitAndStillFindsEverything() {
    Set<String> emails = new HashSet<>();
    Set<String> phones = new HashSet<>();
    Set<String> urls = new HashSet<>();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      String email = "person.number." + i + "@split.example";
      emails.add(email);
      if (i % 3 == 0) {
        expected.add(org.seed("Lead", Map.of("LastName", "L" + i, "Company", "C", "Email", email)));
      } else if (i % 3 == 1) {
        expected.add(org.seed("Contact", Map.of("LastName", "C" + i, "Email", email)));
      }
    }
    for (int i = 0; i < 30; i++) {
      String phone = String.format("+1 555 010 %04d", i);
      String url = "https://www.linkedin.com/in/split-person-" + i;
      phones.add(phone);
      urls.add(url);
      if (i % 5 == 0) {
        expected.add(org.seed("Contact", Map.of("LastName", "P" + i, "Phone", phone)));
        expected.add(
            org.seed("Lead", Map.of("LastName", "U" + i, "Company", "C", "LinkedIn_URL__c", url)));
      }
    }
    org.seed("Lead", Map.of("LastName", "Unrelated", "Company", "C", "Email", "no@split.example"));
    CandidateQuery query = new CandidateQuery(emails, urls, phones);

    try (SalesforceClient client =
        SalesforceClient.withClientCredentials(org.settings(1_000, 4), usage -> {})) {
      int predicted = client.callsToFind(query);
      long before = org.calls();
      CandidateResult result = client.findCandidates(query);

      assertThat(predicted).as("IN clauses must have been split").isGreaterThan(2).isEven();
      assertThat(result.calls()).isEqualTo(predicted);
      assertThat(org.calls() - before).isEqualTo(predicted);
      assertThat(ids(result)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aRecordMatchingKeysThatLandInDifferentStatementsIsReportedOnce() {
    Set<String> emails =
        IntStream.range(0, 40)
            .mapToObj(i -> "filler.address." + i + "@once.example")
            .collect(Collectors.toCollection(HashSet::new));
    emails.add("both@once.example");
    String both =
        org.seed(
            "Lead",
            Map.of(
                "LastName", "Both", "Company", "C", "Email", "both@once.example", "Phone", "+1 1"));
    CandidateQuery query = new CandidateQuery(emails, Set.of(), Set.of("+1 1"));

    try (SalesforceClient client =
        SalesforceClient.withClientCredentials(org.settings(1_000, 4), usage -> {})) {
      CandidateResult result = client.findCandidates(query);

      assertThat(result.calls()).as("e-mails and phones in different statements").isGreaterThan(2);
      assertThat(ids(result)).containsExactly(both);
    }
  }

  @Test
  void statementsStayWithinSalesforcesQueryLengthLimitWhenConfiguredAtIt() {
    // The emulator refuses statements over 100,000 characters like Salesforce does.
    Set<String> emails = new HashSet<>();
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 2_600; i++) {
      String email = "a.rather.long.address.number." + i + "@query-limit.example";
      emails.add(email);
      if (i % 100 == 0) {
        expected.add(org.seed("Contact", Map.of("LastName", "N" + i, "Email", email)));
      }
    }
    CandidateQuery query = new CandidateQuery(emails, Set.of(), Set.of());

    try (SalesforceClient client =
        SalesforceClient.withClientCredentials(org.settings(100_000, 4), usage -> {})) {
      CandidateResult result = client.findCandidates(query);

      assertThat(result.calls()).isEqualTo(client.callsToFind(query)).isEqualTo(4);
      assertThat(ids(result)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  static Stream<String> hostileValues() {
    return Stream.of(
        "o'brien@example.com",
        "x' OR Email != '",
        "x\\' OR Email != \\'",
        "\\",
        "trailing\\",
        "'",
        "''",
        "\"quoted\"@example.com",
        "line\nbreak@example.com",
        "carriage\r\nreturn",
        "tab\there",
        "nul\u0000byte",
        "%",
        "_",
        "%@%",
        "____@example.com",
        "ünïcødé@例え.jp",
        "emoji😀@example.com",
        "') OR (Email != '",
        "x') OR Id != null OR (Email = 'y");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostileValues")
  void hostileValuesNeitherFailNorMatchOtherRecords(String hostile) {
    seedBystanders();
    try (SalesforceClient client = org.client()) {
      for (CandidateQuery query :
          List.of(
              new CandidateQuery(Set.of(hostile), Set.of(), Set.of()),
              new CandidateQuery(Set.of(), Set.of(hostile), Set.of()),
              new CandidateQuery(Set.of(), Set.of(), Set.of(hostile)))) {
        CandidateResult result = client.findCandidates(query);
        assertThat(result.candidates()).as("%s", query).isEmpty();
        assertThat(result.calls()).isEqualTo(2);
      }
    }
  }

  @Test
  void recordsWhoseKeysContainReservedCharactersAreFound() {
    seedBystanders();
    String obrien =
        org.seed(
            "Lead", Map.of("LastName", "O'Brien", "Company", "C", "Email", "o'brien@example.com"));
    String backslash =
        org.seed("Contact", Map.of("LastName", "Slash", "Email", "back\\slash@example.com"));
    String percent = org.seed("Contact", Map.of("LastName", "Percent", "Phone", "100%_x"));
    List<String> all = hostileValues().toList();
    Set<String> keys = new HashSet<>(all);
    keys.add("back\\slash@example.com");
    CandidateQuery query = new CandidateQuery(keys, Set.copyOf(all), Set.of("100%_x", "%", "_"));

    try (SalesforceClient client = org.client()) {
      CandidateResult result = client.findCandidates(query);

      assertThat(ids(result)).containsExactlyInAnyOrder(obrien, backslash, percent);
      assertThat(byId(result).get(obrien).email()).isEqualTo("o'brien@example.com");
    }
  }

  @Test
  void anUnknownLinkedinFieldIsAPermanentFailure() {
    SalesforceSettings d = org.settings();
    SalesforceSettings wrongField =
        new SalesforceSettings(
            d.orgId(),
            d.loginUrl(),
            d.clientId(),
            d.clientSecret(),
            d.connectTimeout(),
            d.readTimeout(),
            d.maxQueryChars(),
            d.connections(),
            "No_Such_Field__c",
            d.personKeyField());
    try (SalesforceClient client = SalesforceClient.withClientCredentials(wrongField, u -> {})) {
      assertThatCode(
              () ->
                  client.findCandidates(
                      new CandidateQuery(Set.of("a@b.example"), Set.of(), Set.of())))
          .isInstanceOfSatisfying(
              SalesforceException.Permanent.class,
              e -> assertThat(e.code()).isEqualTo("INVALID_FIELD"));
    }
  }

  private void seedBystanders() {
    org.seed(
        "Lead", Map.of("LastName", "Bystander", "Company", "C", "Email", "by@stander.example"));
    org.seed(
        "Lead",
        Map.of(
            "LastName",
            "Bystander",
            "Company",
            "C",
            "LinkedIn_URL__c",
            "https://www.linkedin.com/in/bystander",
            "Phone",
            "+1 555 0100"));
    org.seed("Contact", Map.of("LastName", "Bystander", "Email", "x@example.com", "Phone", "1"));
  }

  private static Map<String, Candidate> byId(CandidateResult result) {
    Map<String, Candidate> byId = new HashMap<>();
    for (Candidate candidate : result.candidates()) {
      byId.put(candidate.id(), candidate);
    }
    return byId;
  }

  private static List<String> ids(CandidateResult result) {
    return result.candidates().stream().map(Candidate::id).toList();
  }
}
