package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadgate.emulator.DuplicateRuleMode;
import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** create against an emulated org: one positional outcome per record, typed by what happened. */
class CreateContractTest {

  private static final String LEAD_ID = "00Q[a-zA-Z0-9]{15}";
  private static final String KEY = "Leadgate_Person_Key__c";

  private static EmulatedSalesforce salesforce;

  private TestOrg org;
  private SalesforceClient client;

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
    client = org.client();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void createsALeadInOneCall() {
    long before = org.calls();

    List<CreateOutcome> outcomes =
        client.create(List.of(lead("Hopper", "Navy", "grace@navy.example", "key-grace")));

    assertThat(org.calls() - before).isEqualTo(1);
    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0)).isInstanceOf(CreateOutcome.Created.class);
    String id = ((CreateOutcome.Created) outcomes.get(0)).id();
    assertThat(id).matches(LEAD_ID);
    assertThat(org.org().record(id))
        .hasValueSatisfying(
            saved -> {
              assertThat(saved)
                  .containsEntry("LastName", "Hopper")
                  .containsEntry("Company", "Navy")
                  .containsEntry("Email", "grace@navy.example")
                  .containsEntry(KEY, "key-grace")
                  .containsEntry("OwnerId", org.org().integrationUserId());
            });
  }

  @Test
  void aMissingRequiredFieldIsRejectedWithTheField() {
    NewRecord noCompany = new NewRecord("Lead", Map.of("LastName", "Hopper"));

    assertThat(client.create(List.of(noCompany)))
        .singleElement()
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> {
              assertThat(r.statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
              assertThat(r.fields()).containsExactly("Company");
              assertThat(r.message()).contains("Company");
            });
    assertThat(org.org().records("Lead")).isEmpty();
  }

  @Test
  void aTooLongValueIsRejectedWithTheField() {
    NewRecord longName = lead("x".repeat(81), "Navy", null, null);

    assertThat(client.create(List.of(longName)))
        .singleElement()
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> {
              assertThat(r.statusCode()).isEqualTo("STRING_TOO_LONG");
              assertThat(r.fields()).containsExactly("LastName");
            });
  }

  @Test
  void anInvalidEmailIsRejectedWithTheField() {
    NewRecord badEmail = lead("Hopper", "Navy", "not-an-email", null);

    assertThat(client.create(List.of(badEmail)))
        .singleElement()
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> {
              assertThat(r.statusCode()).isEqualTo("INVALID_EMAIL_ADDRESS");
              assertThat(r.fields()).containsExactly("Email");
            });
  }

  @Test
  void theSamePersonKeyInALaterCallIsADuplicateValueNamingTheExistingRecord() {
    String existing = createdId(client.create(List.of(lead("Hopper", "Navy", null, "key-1"))));

    List<CreateOutcome> again = client.create(List.of(lead("Hopper", "Navy", null, "key-1")));

    assertDuplicateOf(again.get(0), existing);
    assertThat(org.org().records("Lead")).hasSize(1);
  }

  @Test
  void aPersonKeyDifferingOnlyInCaseIsADuplicateValue() {
    String existing = createdId(client.create(List.of(lead("Hopper", "Navy", null, "Key-Case"))));

    List<CreateOutcome> again = client.create(List.of(lead("Hopper", "Navy", null, "kEY-cASE")));

    assertDuplicateOf(again.get(0), existing);
  }

  @Test
  void theSamePersonKeyTwiceInOneBatchSavesTheFirstOnly() {
    List<CreateOutcome> outcomes =
        client.create(
            List.of(
                lead("First", "Navy", null, "key-twice"),
                lead("Second", "Navy", null, "KEY-TWICE")));

    assertThat(outcomes).hasSize(2);
    String first = createdId(outcomes.subList(0, 1));
    assertDuplicateOf(outcomes.get(1), first);
  }

  @Test
  void aBlockingDuplicateRuleIsReportedWithItsMatches() {
    String existing =
        org.seed(
            "Lead",
            Map.of(
                "FirstName",
                "Grace",
                "LastName",
                "Hopper",
                "Company",
                "Navy",
                "Email",
                "g@navy.example"));
    org.org().setDuplicateRules(DuplicateRuleMode.BLOCK);
    NewRecord same =
        new NewRecord(
            "Lead",
            Map.of(
                "FirstName",
                "Grace",
                "LastName",
                "Hopper",
                "Company",
                "Navy",
                "Email",
                "g@navy.example"));

    assertThat(client.create(List.of(same)))
        .singleElement()
        .isInstanceOfSatisfying(
            CreateOutcome.DuplicatesDetected.class,
            d -> {
              assertThat(d.rule()).isNotBlank();
              assertThat(d.matches()).extracting(CreateOutcome.Match::id).contains(existing);
            });
    assertThat(org.org().records("Lead")).hasSize(1);
  }

  @Test
  void moreThanTwoHundredRecordsAreRefusedBeforeAnyCall() {
    List<NewRecord> tooMany =
        IntStream.range(0, 201).mapToObj(i -> lead("L" + i, "C", null, null)).toList();
    long before = org.calls();

    assertThatThrownBy(() -> client.create(tooMany)).isInstanceOf(IllegalArgumentException.class);

    assertThat(org.calls()).isEqualTo(before);
    assertThat(org.org().records("Lead")).isEmpty();
  }

  @Test
  void twoHundredRecordsAreCreatedInOneCall() {
    List<NewRecord> max =
        IntStream.range(0, 200).mapToObj(i -> lead("L" + i, "C", null, "bulk-" + i)).toList();
    long before = org.calls();

    List<CreateOutcome> outcomes = client.create(max);

    assertThat(org.calls() - before).isEqualTo(1);
    assertThat(outcomes).hasSize(200).allMatch(o -> o instanceof CreateOutcome.Created);
    assertThat(org.org().records("Lead")).hasSize(200);
  }

  @Test
  void aMixedBatchGetsOneOutcomePerRecordInOrder() {
    String existing = createdId(client.create(List.of(lead("Old", "C", null, "taken"))));
    List<NewRecord> batch =
        List.of(
            lead("Alpha", "C", "alpha@example.com", "k-alpha"),
            new NewRecord("Lead", Map.of("LastName", "NoCompany")),
            new NewRecord("Contact", Map.of("LastName", "Gamma", KEY, "k-gamma")),
            lead("Delta", "C", "delta@@example", null),
            lead("Epsilon", "C", null, "TAKEN"),
            lead("y".repeat(81), "C", null, null),
            lead("Eta", "C", null, "k-eta"));

    List<CreateOutcome> outcomes = client.create(batch);

    assertThat(outcomes).hasSize(7);
    assertThat(outcomes.get(0)).isInstanceOf(CreateOutcome.Created.class);
    assertThat(outcomes.get(1))
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> assertThat(r.statusCode()).isEqualTo("REQUIRED_FIELD_MISSING"));
    assertThat(outcomes.get(2))
        .isInstanceOfSatisfying(
            CreateOutcome.Created.class, c -> assertThat(c.id()).matches("003[a-zA-Z0-9]{15}"));
    assertThat(outcomes.get(3))
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> assertThat(r.statusCode()).isEqualTo("INVALID_EMAIL_ADDRESS"));
    assertDuplicateOf(outcomes.get(4), existing);
    assertThat(outcomes.get(5))
        .isInstanceOfSatisfying(
            CreateOutcome.Rejected.class,
            r -> assertThat(r.statusCode()).isEqualTo("STRING_TOO_LONG"));
    assertThat(outcomes.get(6)).isInstanceOf(CreateOutcome.Created.class);
    // The created ids are the records that were saved, in the batch's order.
    assertThat(org.org().record(((CreateOutcome.Created) outcomes.get(0)).id()))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("LastName", "Alpha"));
    assertThat(org.org().record(((CreateOutcome.Created) outcomes.get(2)).id()))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("LastName", "Gamma"));
    assertThat(org.org().record(((CreateOutcome.Created) outcomes.get(6)).id()))
        .hasValueSatisfying(r -> assertThat(r).containsEntry("LastName", "Eta"));
    assertThat(org.org().records("Lead")).hasSize(3);
  }

  @Test
  void anEmptyBatchCostsNothing() {
    long before = org.calls();
    assertThat(client.create(List.of())).isEmpty();
    assertThat(org.calls()).isEqualTo(before);
  }

  private static void assertDuplicateOf(CreateOutcome outcome, String existingId18) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            CreateOutcome.DuplicateValue.class,
            d -> {
              assertThat(d.field()).isEqualTo(KEY);
              assertThat(d.existingId()).isEqualTo(existingId18.substring(0, 15));
              assertThat(d.message()).contains(d.existingId());
            });
  }

  private static String createdId(List<CreateOutcome> outcomes) {
    assertThat(outcomes).singleElement().isInstanceOf(CreateOutcome.Created.class);
    return ((CreateOutcome.Created) outcomes.get(0)).id();
  }

  private static NewRecord lead(String lastName, String company, String email, String key) {
    Map<String, String> fields = new HashMap<>();
    fields.put("LastName", lastName);
    fields.put("Company", company);
    if (email != null) {
      fields.put("Email", email);
    }
    if (key != null) {
      fields.put(KEY, key);
    }
    return new NewRecord("Lead", fields);
  }
}
