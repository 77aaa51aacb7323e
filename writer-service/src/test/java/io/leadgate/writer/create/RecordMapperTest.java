package io.leadgate.writer.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadgate.contracts.GoldenSamples;
import io.leadgate.contracts.LeadCleared;
import io.leadgate.contracts.RecordTarget;
import io.leadgate.salesforce.NewRecord;
import io.leadgate.writer.WriterProperties.CaptureValue;
import io.leadgate.writer.WriterProperties.FieldRule;
import io.leadgate.writer.WriterProperties.FieldValue;
import io.leadgate.writer.WriterProperties.TeamSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecordMapperTest {

  private final RecordMapper mapper =
      new RecordMapper("Leadgate_Person_Key__c", "LinkedIn_URL__c", "Leadgate");
  private final LeadCleared ada =
      JsonMapper.builder()
          .build()
          .readValue(GoldenSamples.read(GoldenSamples.LEAD_CLEARED), LeadCleared.class);

  @Test
  void theStandardMappingMakesALeadWithThePersonKey() {
    NewRecord lead = mapper.toRecord(ada, TeamSettings.STANDARD, null);

    assertThat(lead.object()).isEqualTo("Lead");
    assertThat(lead.fields())
        .containsEntry("FirstName", "Ada")
        .containsEntry("LastName", "Lovelace")
        .containsEntry("Email", "Ada@Lovelace.example")
        .containsEntry("Company", "Analytical Engines Ltd")
        .containsEntry("LinkedIn_URL__c", "https://www.linkedin.com/in/ada-lovelace/")
        .containsEntry("LeadSource", "Leadgate")
        .containsEntry("Leadgate_Person_Key__c", "email:ada@lovelace.example");
  }

  @Test
  void aContactHasNoCompanyButItsAccount() {
    LeadCleared contact = withTarget(ada, RecordTarget.CONTACT);

    NewRecord record = mapper.toRecord(contact, TeamSettings.STANDARD, "001000000000001AAA");

    assertThat(record.object()).isEqualTo("Contact");
    assertThat(record.fields())
        .doesNotContainKey("Company")
        .containsEntry("AccountId", "001000000000001AAA");
  }

  @Test
  void aTeamMappingReplacesTheStandardOneDefaultsWinAndThePersonKeyStays() {
    TeamSettings team =
        new TeamSettings(
            List.of(
                new FieldRule(null, "LastName", CaptureValue.LAST_NAME),
                new FieldRule("Lead", "Company", CaptureValue.COMPANY),
                new FieldRule(null, "Captured_By__c", CaptureValue.CAPTURED_BY),
                new FieldRule(null, "Leadgate_Person_Key__c", CaptureValue.CAPTURE_ID)),
            List.of(
                new FieldValue(null, "LeadSource", "Extension"),
                new FieldValue("Contact", "Department", "Sales")),
            true,
            false);

    NewRecord lead = mapper.toRecord(ada, team, null);

    assertThat(lead.fields())
        .containsOnlyKeys(
            "LastName", "Company", "Captured_By__c", "LeadSource", "Leadgate_Person_Key__c")
        .containsEntry("Captured_By__c", "rep@acme.example")
        .containsEntry("LeadSource", "Extension")
        .containsEntry("Leadgate_Person_Key__c", "email:ada@lovelace.example");
  }

  @Test
  void aLeadWithoutCompanyStillHasOne() {
    LeadCleared noCompany =
        new LeadCleared(
            ada.schemaVersion(),
            ada.captureId(),
            ada.teamId(),
            ada.orgId(),
            ada.personKey(),
            new io.leadgate.contracts.LeadDetails("Ada", "Lovelace", null, null, " ", null, null),
            ada.target(),
            ada.capturedBy(),
            ada.capturedAt(),
            ada.checkCalls(),
            ada.clearedAt());

    assertThat(mapper.toRecord(noCompany, TeamSettings.STANDARD, null).fields())
        .containsEntry("Company", RecordMapper.NO_COMPANY);
  }

  private static LeadCleared withTarget(LeadCleared lead, RecordTarget target) {
    return new LeadCleared(
        lead.schemaVersion(),
        lead.captureId(),
        lead.teamId(),
        lead.orgId(),
        lead.personKey(),
        lead.lead(),
        target,
        lead.capturedBy(),
        lead.capturedAt(),
        lead.checkCalls(),
        lead.clearedAt());
  }
}
