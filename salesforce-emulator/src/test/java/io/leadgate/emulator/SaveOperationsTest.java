package io.leadgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** update, upsert and retrieve through the real WSC client. */
class SaveOperationsTest {

  private EmulatorFixture fixture;
  private EmulatedOrg org;
  private PartnerConnection conn;

  @BeforeEach
  void start() {
    fixture =
        new EmulatorFixture(
            OrgSpec.of("Test Org", "test-client", "test-secret")
                .withCustomFields(
                    List.of(
                        new CustomFieldSpec(
                            "Lead", "Region__c", "Region", "Text", 20, false, false, true))));
    org = fixture.org;
    conn = fixture.connect();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static SObject sobject(String type, Object... fieldValues) {
    SObject s = new SObject(type);
    for (int i = 0; i < fieldValues.length; i += 2) {
      s.setField((String) fieldValues[i], fieldValues[i + 1]);
    }
    return s;
  }

  @Test
  void updateChangesFieldsAndAuditsAndReportsPerRecordErrors() throws ConnectionException {
    String id = org.seed("Lead", Map.of("LastName", "Doe", "Company", "Acme", "Phone", "123"));
    fixture.clock.advance(java.time.Duration.ofMinutes(5));
    SObject change = sobject("Lead", "Id", id, "FirstName", "Jane", "Email", "jane@acme.example");
    change.setFieldsToNull(new String[] {"Phone"});

    SaveResult[] results =
        conn.update(
            new SObject[] {
              change,
              sobject("Lead", "Id", id, "LastName", ""),
              sobject("Lead", "Id", "00Q000000000001", "LastName", "X"),
              sobject("Lead", "LastName", "NoId"),
              sobject("Lead", "Id", id, "CreatedDate", "2020-01-01T00:00:00Z")
            });

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[0].getId()).isEqualTo(id);
    Map<String, Object> record = org.record(id).orElseThrow();
    assertThat(record)
        .containsEntry("Name", "Jane Doe")
        .containsEntry("Email", "jane@acme.example")
        .containsEntry("Phone", null)
        .containsEntry("LastModifiedDate", EmulatorFixture.START.plusSeconds(300))
        .containsEntry("CreatedDate", EmulatorFixture.START);
    assertThat(results[1].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(results[3].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MISSING_ARGUMENT);
    assertThat(results[4].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    assertThat(org.apiCallsInWindow()).isEqualTo(1);
  }

  @Test
  void updateKeepsUniqueFieldsUnique() throws ConnectionException {
    String a =
        org.seed("Lead", Map.of("LastName", "A", "Company", "X", "Leadgate_Person_Key__c", "k1"));
    String b =
        org.seed("Lead", Map.of("LastName", "B", "Company", "X", "Leadgate_Person_Key__c", "k2"));

    SaveResult[] results =
        conn.update(
            new SObject[] {
              sobject("Lead", "Id", b, "Leadgate_Person_Key__c", "K1"),
              sobject("Lead", "Id", a, "Leadgate_Person_Key__c", "k1", "Title", "same key again")
            });

    assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(results[1].isSuccess()).isTrue();
  }

  @Test
  void upsertCreatesOrUpdatesByExternalId() throws ConnectionException {
    String existing =
        org.seed(
            "Lead", Map.of("LastName", "Old", "Company", "X", "Leadgate_Person_Key__c", "key-1"));

    UpsertResult[] results =
        conn.upsert(
            "Leadgate_Person_Key__c",
            new SObject[] {
              sobject("Lead", "Leadgate_Person_Key__c", "KEY-1", "LastName", "Updated"),
              sobject("Lead", "Leadgate_Person_Key__c", "key-2", "LastName", "New", "Company", "Y"),
              sobject("Lead", "Leadgate_Person_Key__c", "key-3", "LastName", "NoCompany")
            });

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[0].isCreated()).isFalse();
    assertThat(results[0].getId()).isEqualTo(existing);
    assertThat(org.record(existing).orElseThrow()).containsEntry("LastName", "Updated");
    assertThat(results[1].isSuccess()).isTrue();
    assertThat(results[1].isCreated()).isTrue();
    assertThat(org.record(results[1].getId()).orElseThrow()).containsEntry("LastName", "New");
    assertThat(results[2].isSuccess()).isFalse();
    assertThat(results[2].isCreated()).isFalse();
    assertThat(results[2].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
  }

  @Test
  void upsertRejectsTheSameKeyTwiceInABatchAndAmbiguousMatches() throws ConnectionException {
    org.seed("Lead", Map.of("LastName", "A", "Company", "X", "Region__c", "emea"));
    org.seed("Lead", Map.of("LastName", "B", "Company", "X", "Region__c", "EMEA"));

    UpsertResult[] results =
        conn.upsert(
            "Region__c",
            new SObject[] {
              sobject("Lead", "Region__c", "apac", "LastName", "C", "Company", "X"),
              sobject("Lead", "Region__c", "APAC", "LastName", "D", "Company", "X"),
              sobject("Lead", "Region__c", "emea", "LastName", "E", "Company", "X"),
              sobject("Lead", "Region__c", "amer", "LastName", "F", "Company", "X")
            });

    assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(results[2].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.DUPLICATE_EXTERNAL_ID);
    assertThat(results[3].isCreated()).isTrue();
    assertThat(org.records("Lead")).hasSize(3);
  }

  @Test
  void upsertOnAFieldThatIsNotAnExternalIdFaults() {
    InvalidFieldFault fault =
        catchThrowableOfType(
            InvalidFieldFault.class,
            () -> conn.upsert("Email", new SObject[] {sobject("Lead", "Email", "a@b.example")}));
    assertThat(fault.getExceptionMessage()).contains("is not an External ID");
  }

  @Test
  void retrieveReturnsFieldsInListOrderAndNullForUnknownIds() throws ConnectionException {
    String ada =
        org.seed(
            "Lead",
            Map.of(
                "FirstName", "Ada",
                "LastName", "Lovelace",
                "Company", "AE",
                "OwnerId", fixture.janeId));

    SObject[] records =
        conn.retrieve(
            "Email, LastName, Owner.Name, Id",
            "Lead",
            new String[] {ada.substring(0, 15), "00Q000000000001"});

    assertThat(records).hasSize(2);
    assertThat(records[0].getId()).isEqualTo(ada);
    assertThat(records[0].getField("LastName")).isEqualTo("Lovelace");
    assertThat(records[0].getField("Email")).isNull();
    assertThat(((SObject) records[0].getSObjectField("Owner")).getField("Name"))
        .isEqualTo("Jane Roe");
    assertThat(records[1]).isNull();
  }
}
