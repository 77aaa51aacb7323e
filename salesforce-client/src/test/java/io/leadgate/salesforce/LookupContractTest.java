package io.leadgate.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.salesforce.EmulatedSalesforce.TestOrg;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Looking existing records up by person key or id, and Accounts by website, against the org. */
class LookupContractTest {

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
  void findsRecordsByPersonKeyAndByIdWithTheirOwnersInOneCall() {
    String byKey =
        org.seed("Lead", Map.of("LastName", "Hopper", "Company", "Navy", KEY, "email:g@n.example"));
    String byId = org.seed("Lead", Map.of("LastName", "Lovelace", "Company", "AE"));
    org.seed("Lead", Map.of("LastName", "Other", "Company", "X", KEY, "email:o@x.example"));
    long before = org.calls();

    Found<ExistingRecord> found =
        client.findExisting("Lead", Set.of("email:g@n.example", "email:none"), Set.of(byId));

    assertThat(org.calls() - before).isEqualTo(1);
    assertThat(found.calls()).isEqualTo(1);
    assertThat(found.records())
        .containsExactlyInAnyOrder(
            new ExistingRecord(
                "Lead",
                byKey,
                "email:g@n.example",
                EmulatedSalesforce.OWNER_NAME,
                EmulatedSalesforce.OWNER_EMAIL),
            new ExistingRecord(
                "Lead", byId, null, EmulatedSalesforce.OWNER_NAME, EmulatedSalesforce.OWNER_EMAIL));
    assertThat(byKey).hasSize(18);
  }

  @Test
  void nothingToLookUpCostsNoCall() {
    long before = org.calls();

    assertThat(client.findExisting("Contact", Set.of(), Set.of()).records()).isEmpty();
    assertThat(client.findAccountsByWebsite(Set.of()).records()).isEmpty();
    assertThat(org.calls()).isEqualTo(before);
  }

  @Test
  void findsAccountsWhoseWebsiteMentionsADomain() {
    String acme =
        org.seed("Account", Map.of("Name", "Acme", "Website", "https://www.acme.example"));
    org.seed("Account", Map.of("Name", "Globex", "Website", "globex.example"));

    Found<AccountMatch> found =
        client.findAccountsByWebsite(List.of("acme.example", "nobody.example"));

    assertThat(found.records())
        .containsExactly(new AccountMatch(acme, "Acme", "https://www.acme.example"));
    assertThat(found.calls()).isEqualTo(1);
  }

  @Test
  void aCreateMayAskForTheAssignmentRuleAndAPooledConnectionForgetsIt() {
    NewRecord lead = new NewRecord("Lead", Map.of("LastName", "Hopper", "Company", "Navy"));

    assertThat(client.create(List.of(lead), new CreateOptions(true)))
        .singleElement()
        .isInstanceOf(CreateOutcome.Created.class);
    assertThat(client.create(List.of(lead)))
        .singleElement()
        .isInstanceOf(CreateOutcome.Created.class);
  }
}
